import { tf } from '@dendrite/backend';
import { optionKeys, checkInteger, argumentError } from '@dendrite/backend/internal';
import { checkCallbackOptions } from './callback-options';
import { Callback } from './callback';
import { type MonitorMode, WarnOnce, improves, monitoredValue, resolveMode } from './monitor';
import type { Logs } from './training-model';

/** Options of {@link EarlyStopping}; Keras's arguments and defaults. */
export interface EarlyStoppingOptions {
  /** The logged value watched (`'val_loss'`). */
  monitor?: string;
  /** Least change that counts as an improvement (0). */
  minDelta?: number;
  /** Epochs without improvement before stopping (0). */
  patience?: number;
  /** 1 prints `Epoch 5: early stopping` and the restore message (0). */
  verbose?: 0 | 1;
  /** `'min'`, `'max'`, or `'auto'` from the name (see {@link resolveMode}). */
  mode?: MonitorMode;
  /** A value to beat: until it is, the patience keeps running down. */
  baseline?: number;
  /** Put back the best epoch's weights when training ends (false). */
  restoreBestWeights?: boolean;
  /** Epochs of warm-up before watching starts (0). */
  startFromEpoch?: number;
}

/**
 * Stops training when `monitor` has not improved by more than `minDelta` for `patience` epochs:
 * Keras 3's `EarlyStopping`, step for step. With `baseline`, an epoch restarts the patience only
 * if it beats both the best so far and the baseline. With `restoreBestWeights`, the weights of
 * the best epoch are put back when training ends, whether it was stopped or ran out of epochs.
 *
 * @example
 * ```ts
 * await model.fit(x, y, {
 *   epochs: 100, validationSplit: 0.2,
 *   callbacks: [earlyStopping({ monitor: 'val_loss', patience: 10, restoreBestWeights: true })],
 * });
 * ```
 */
export class EarlyStopping extends Callback {
  /** The keys of {@link EarlyStoppingOptions}, which the constructor checks. */
  static readonly optionKeys = optionKeys<EarlyStoppingOptions>({
    monitor: true, minDelta: true, patience: true, verbose: true, mode: true, baseline: true, restoreBestWeights: true, startFromEpoch: true,
  });
  readonly monitor: string;
  readonly minDelta: number;
  readonly patience: number;
  readonly verbose: 0 | 1;
  readonly mode: 'min' | 'max';
  readonly baseline: number | null;
  readonly restoreBestWeights: boolean;
  readonly startFromEpoch: number;
  /** The epoch (0-based) training was stopped at, or 0 when it was not stopped. */
  stoppedEpoch = 0;
  /** The best monitored value so far (null before the first one). */
  best: number | null = null;
  /** The epoch (0-based) the best value came from. */
  bestEpoch = 0;
  /** Epochs since the last improvement. */
  wait = 0;
  private bestWeights: tf.Tensor[] | null = null;
  private readonly warnings = new WarnOnce();

  /**
   * @throws TypeError for an unknown option (`patients` → `patience`, `restore_best_weights` → `restoreBestWeights`)
   * @throws Error when a count is not an integer ≥ 0, `minDelta` is not finite or `mode` is unknown
   */
  constructor(options: EarlyStoppingOptions = {}) {
    super();
    checkCallbackOptions(options, new.target, 'EarlyStopping');
    this.monitor = options.monitor ?? 'val_loss';
    this.minDelta = Math.abs(options.minDelta ?? 0);
    this.patience = checkInteger(options.patience ?? 0, 'patience', 'EarlyStopping', 0);
    this.verbose = options.verbose ?? 0;
    this.baseline = options.baseline ?? null;
    this.restoreBestWeights = options.restoreBestWeights ?? false;
    this.startFromEpoch = checkInteger(options.startFromEpoch ?? 0, 'startFromEpoch', 'EarlyStopping', 0);
    this.mode = resolveMode(this.monitor, options.mode ?? 'auto', 'EarlyStopping');
    if (!Number.isFinite(this.minDelta)) throw argumentError(options.minDelta, 'number', `Expected minDelta to be a finite number in EarlyStopping, received ${options.minDelta}`);
  }

  override onTrainBegin(): void {
    // Allow instances to be re-used, as Keras.
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = null;
    this.bestEpoch = 0;
    this.keepWeights(null);
  }

  override onEpochEnd(epoch: number, logs?: Logs): void {
    const current = monitoredValue(logs, this.monitor, 'Early stopping', this.warnings);
    if (current === undefined || epoch < this.startFromEpoch) return;
    const improved = improves(current, this.best, this.mode, this.minDelta);
    // Stryker disable next-line ConditionalExpression,BooleanLiteral,BlockStatement: never entered — improves(x, null) is true, so the first watched epoch improves (Keras's code, kept)
    if (this.restoreBestWeights && this.bestWeights === null && !improved) {
      // Until something improves, the current weights are the best (an improvement copies them below).
      this.keepWeights(this.model!.getWeights());
      this.bestEpoch = epoch;
    }
    this.wait += 1;
    if (improved) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.restoreBestWeights) this.keepWeights(this.model!.getWeights());
      // Stryker disable next-line ConditionalExpression: `baseline === null` → false is equivalent, improves(current, null) being true
      if (this.baseline === null || improves(current, this.baseline, this.mode, this.minDelta)) this.wait = 0;
      return;
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: `epoch > 0` → true or ≥ 0 is equivalent, the first watched epoch always improving
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
    this.keepWeights(null);
  }

  private keepWeights(weights: tf.Tensor[] | null): void {
    // Stryker disable next-line ConditionalExpression: tf.dispose(null) does nothing
    if (this.bestWeights) tf.dispose(this.bestWeights);
    this.bestWeights = weights;
  }
}

/**
 * Makes an {@link EarlyStopping} callback.
 *
 * @example `earlyStopping({ monitor: 'val_accuracy', patience: 5 })`
 */
export const earlyStopping = (options: EarlyStoppingOptions = {}) => new EarlyStopping(options);
