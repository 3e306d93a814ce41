import type { Logs } from './training-model';

/** How a monitored value improves. */
export type MonitorMode = 'auto' | 'min' | 'max';

/**
 * Keras's choice of direction for a monitored value: `max` for accuracies, AUC, precision and
 * recall (and `mode: 'max'`), `min` otherwise.
 */
export function resolveMode(monitor: string, mode: MonitorMode, owner: string): 'min' | 'max' {
  if (mode !== 'auto' && mode !== 'min' && mode !== 'max') {
    throw new Error(`Expected mode to be auto, min or max in ${owner}, received ${JSON.stringify(mode)}`);
  }
  if (mode !== 'auto') return mode;
  return /acc|auc|precision|recall|fmeasure|f1/.test(monitor) ? 'max' : 'min';
}

/** Whether `current` improves on `best` by more than `minDelta` in `mode`. */
export function improves(current: number, best: number, mode: 'min' | 'max', minDelta: number): boolean {
  return mode === 'min' ? current < best - Math.abs(minDelta) : current > best + Math.abs(minDelta);
}

/** The monitored value from logs, or undefined with a warning listing the available keys (Keras). */
export function monitoredValue(logs: Logs | undefined, monitor: string, owner: string): number | undefined {
  const value = logs?.[monitor];
  if (value === undefined) {
    console.warn(`${owner} is conditioned on "${monitor}", which is not available. Available metrics are: ${Object.keys(logs ?? {}).join(',')}`);
  }
  return value;
}
