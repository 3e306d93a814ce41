import { tf } from '@dendrite/backend';
import { Callback } from './callback';
import { type MonitorMode, improves, monitoredValue, resolveMode } from './monitor';
import type { Logs } from './training-model';

/** Options of {@link EarlyStopping}. */
export interface EarlyStoppingOptions {
  monitor?: string;
  minDelta?: number;
  patience?: number;
  verbose?: 0 | 1;
  mode?: MonitorMode;
  baseline?: number;
  restoreBestWeights?: boolean;
  startFromEpoch?: number;
}

/**
 * Stops training when `monitor` (val_loss) has not improved by more than `minDelta` for
 * `patience` epochs, as Keras 3's `EarlyStopping`; with `restoreBestWeights` the best epoch's
 * weights come back at the end.
 */
export class EarlyStopping extends Callback {
  readonly monitor: string;
  readonly minDelta: number;
  readonly patience: number;
  readonly verbose: 0 | 1;
  readonly baseline?: number;
  readonly restoreBestWeights: boolean;
  readonly startFromEpoch: number;
  private readonly direction: 'min' | 'max';
  /** The epoch training stopped at (0 when it was not stopped). */
  stoppedEpoch = 0;
  /** The best monitored value so far. */
  best = Infinity;
  private wait = 0;
  private bestEpoch = 0;
  private bestWeights: tf.Tensor[] | null = null;

  constructor(options: EarlyStoppingOptions = {}) {
    super();
    this.monitor = options.monitor ?? 'val_loss';
    this.minDelta = Math.abs(options.minDelta ?? 0);
    this.patience = options.patience ?? 0;
    this.verbose = options.verbose ?? 0;
    this.baseline = options.baseline;
    this.restoreBestWeights = options.restoreBestWeights ?? false;
    this.startFromEpoch = options.startFromEpoch ?? 0;
    this.direction = resolveMode(this.monitor, options.mode ?? 'auto', 'EarlyStopping');
    if (!Number.isInteger(this.patience) || this.patience < 0) throw new Error(`Expected patience to be an integer ≥ 0 in EarlyStopping, received ${options.patience}`);
  }

  override onTrainBegin(): void {
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = this.direction === 'min' ? Infinity : -Infinity;
    this.bestEpoch = 0;
    this.disposeBest();
  }

  override onEpochEnd(epoch: number, logs?: Logs): void {
    const current = monitoredValue(logs, this.monitor, 'Early stopping');
    if (current === undefined || epoch < this.startFromEpoch) return;
    if (this.restoreBestWeights && this.bestWeights === null) this.keepBest();
    this.wait += 1;
    if (improves(current, this.best, this.direction, this.minDelta)) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.restoreBestWeights) this.keepBest();
      // Only restart the wait when the baseline is beaten (or there is none), as Keras.
      if (this.baseline === undefined || improves(current, this.baseline, this.direction, 0)) this.wait = 0;
      return;
    }
    if (this.wait >= this.patience && epoch > 0) {
      this.stoppedEpoch = epoch;
      this.model!.stopTraining = true;
    }
  }

  override onTrainEnd(): void {
    if (this.stoppedEpoch > 0 && this.verbose > 0) console.log(`Epoch ${this.stoppedEpoch + 1}: early stopping`);
    if (this.restoreBestWeights && this.bestWeights !== null) {
      if (this.verbose > 0) console.log(`Restoring model weights from the end of the best epoch: ${this.bestEpoch + 1}.`);
      this.model!.setWeights(this.bestWeights);
    }
    this.disposeBest();
  }

  private keepBest(): void {
    this.disposeBest();
    this.bestWeights = this.model!.getWeights();
  }

  private disposeBest(): void {
    if (this.bestWeights) tf.dispose(this.bestWeights);
    this.bestWeights = null;
  }
}

/** Makes an {@link EarlyStopping} callback. */
export const earlyStopping = (options: EarlyStoppingOptions = {}) => new EarlyStopping(options);
