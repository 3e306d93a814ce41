import { Callback } from './callback';
import { type MonitorMode, improves, resolveMode } from './monitor';
import { pythonFormat } from './python-format';
import type { Logs } from './training-model';

/** Options of {@link ModelCheckpoint}. */
export interface ModelCheckpointOptions {
  monitor?: string;
  verbose?: 0 | 1;
  /** Save only when `monitor` improves. */
  saveBestOnly?: boolean;
  /** Save the weights only (else the whole model). */
  saveWeightsOnly?: boolean;
  mode?: MonitorMode;
  /** `'epoch'`, or save every N batches. */
  saveFreq?: 'epoch' | number;
  /** A value the monitored one must beat before the first save. */
  initialValueThreshold?: number;
}

/**
 * Saves the model (or its weights) to `filepath`, a template formatted as Python does with the
 * epoch (1-based) and the logs: `weights.{epoch:02d}-{val_loss:.4f}.h5`. Saves are atomic on the
 * model's side.
 */
export class ModelCheckpoint extends Callback {
  readonly monitor: string;
  readonly verbose: 0 | 1;
  readonly saveBestOnly: boolean;
  readonly saveWeightsOnly: boolean;
  readonly saveFreq: 'epoch' | number;
  private readonly direction: 'min' | 'max';
  /** The best monitored value saved so far. */
  best: number;
  private batchesSinceSave = 0;
  private currentEpoch = 0;
  /** Paths written, in order. */
  readonly saved: string[] = [];

  constructor(
    readonly filepath: string,
    options: ModelCheckpointOptions = {},
  ) {
    super();
    this.monitor = options.monitor ?? 'val_loss';
    this.verbose = options.verbose ?? 0;
    this.saveBestOnly = options.saveBestOnly ?? false;
    this.saveWeightsOnly = options.saveWeightsOnly ?? false;
    this.saveFreq = options.saveFreq ?? 'epoch';
    if (this.saveFreq !== 'epoch' && !(Number.isInteger(this.saveFreq) && this.saveFreq > 0)) {
      throw new Error(`Expected saveFreq to be 'epoch' or an integer ≥ 1 in ModelCheckpoint, received ${JSON.stringify(options.saveFreq)}`);
    }
    this.direction = resolveMode(this.monitor, options.mode ?? 'auto', 'ModelCheckpoint');
    this.best = options.initialValueThreshold ?? (this.direction === 'min' ? Infinity : -Infinity);
  }

  override onEpochBegin(epoch: number): void {
    this.currentEpoch = epoch;
  }

  override async onBatchEnd(batch: number, logs: Logs = {}): Promise<void> {
    if (this.saveFreq === 'epoch') return;
    this.batchesSinceSave += 1;
    if (this.batchesSinceSave >= this.saveFreq) {
      this.batchesSinceSave = 0;
      await this.save(this.currentEpoch, { ...logs, batch });
    }
  }

  override async onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    if (this.saveFreq === 'epoch') await this.save(epoch, logs);
  }

  private async save(epoch: number, logs: Logs): Promise<void> {
    const path = pythonFormat(this.filepath, { ...logs, epoch: epoch + 1 });
    if (this.saveBestOnly) {
      const current = logs[this.monitor];
      if (current === undefined) {
        console.warn(`Can save best model only with ${this.monitor} available, skipping. Available: ${Object.keys(logs).join(',')}`);
        return;
      }
      if (!improves(current, this.best, this.direction, 0)) {
        if (this.verbose > 0) console.log(`\nEpoch ${epoch + 1}: ${this.monitor} did not improve from ${this.best.toFixed(5)}`);
        return;
      }
      if (this.verbose > 0) console.log(`\nEpoch ${epoch + 1}: ${this.monitor} improved from ${this.best.toFixed(5)} to ${current.toFixed(5)}, saving model to ${path}`);
      this.best = current;
    } else if (this.verbose > 0) {
      console.log(`\nEpoch ${epoch + 1}: saving model to ${path}`);
    }
    if (this.saveWeightsOnly) await this.model!.saveWeights(path);
    else await this.model!.save(path);
    this.saved.push(path);
  }
}

/** Makes a {@link ModelCheckpoint}. */
export const modelCheckpoint = (filepath: string, options: ModelCheckpointOptions = {}) => new ModelCheckpoint(filepath, options);
