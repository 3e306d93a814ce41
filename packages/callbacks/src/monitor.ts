import type { Logs } from './training-model';

/** How a monitored value improves: `'min'`, `'max'`, or `'auto'` (from its name). */
export type MonitorMode = 'auto' | 'min' | 'max';

/** Names of values that improve upwards (Keras's metric directions, by name). */
const UPWARDS = /acc|auc|precision|recall|f1|fbeta|iou|r2|true_positives|true_negatives|sensitivity|specificity|fmeasure/;

/**
 * The direction of a monitored value. `'auto'` chooses `'max'` for accuracies, AUC, precision,
 * recall, F-scores, IoU and R² (Keras knows these from the metrics' `_direction`; callbacks only
 * see names), and `'min'` otherwise (losses, errors).
 *
 * @param monitor - the monitored key, `val_` prefix or not
 * @param mode - `'auto'`, `'min'` or `'max'`
 * @param owner - the callback's name, for the error
 * @throws Error when `mode` is none of the three
 */
export function resolveMode(monitor: string, mode: MonitorMode, owner: string): 'min' | 'max' {
  if (mode !== 'auto' && mode !== 'min' && mode !== 'max') {
    throw new Error(`Expected mode to be 'auto', 'min' or 'max' in ${owner}, received ${JSON.stringify(mode)}`);
  }
  if (mode !== 'auto') return mode;
  // Stryker disable next-line Regex,StringLiteral,MethodExpression: no UPWARDS pattern can start inside a "val_" prefix, so dropping it changes nothing
  return UPWARDS.test(monitor.replace(/^val_/, '')) ? 'max' : 'min';
}

/**
 * Keras's `_is_improvement`: whether `current` beats `reference` by more than `minDelta` in the
 * monitored direction. A null reference (nothing seen yet) is always beaten.
 */
export function improves(current: number, reference: number | null, mode: 'min' | 'max', minDelta: number): boolean {
  if (reference === null) return true;
  const delta = Math.abs(minDelta);
  return mode === 'min' ? current + delta < reference : current - delta > reference;
}

/**
 * Warns through `console.warn`, once per distinct message, as Python's `warnings.warn` does with
 * its default filter: a missing metric is reported once, not every epoch.
 */
export class WarnOnce {
  private readonly seen = new Set<string>();

  warn(message: string): void {
    if (this.seen.has(message)) return;
    this.seen.add(message);
    console.warn(message);
  }
}

/**
 * The monitored value from `logs`, or undefined after warning (once) in Keras's words with the
 * keys available.
 *
 * @param what - how the warning starts (`'Early stopping'`, `'Learning rate reduction is'`)
 */
export function monitoredValue(logs: Logs | undefined, monitor: string, what: string, warnings: WarnOnce, period = ''): number | undefined {
  const value = logs?.[monitor];
  if (value === undefined || value === null) {
    warnings.warn(`${what} conditioned on metric \`${monitor}\` which is not available. Available metrics are: ${Object.keys(logs ?? {}).join(',')}${period}`);
    return undefined;
  }
  return value;
}
