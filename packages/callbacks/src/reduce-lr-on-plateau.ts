import { optionKeys, checkInteger, argumentError } from '@dendrite/backend/internal';
import { Callback } from './callback';
import { checkCallbackOptions } from './callback-options';
import { type MonitorMode, WarnOnce, improves, monitoredValue, resolveMode } from './monitor';
import { pythonRepr } from './python-float';
import type { Logs } from './training-model';

/** Options of {@link ReduceLROnPlateau}; Keras's arguments and defaults. */
export interface ReduceLROnPlateauOptions {
  /** The logged value watched (`'val_loss'`). */
  monitor?: string;
  /** The rate is multiplied by it on a plateau (0.1); in [0, 1). */
  factor?: number;
  /** Epochs without improvement before a cut (10). */
  patience?: number;
  /** 1 prints each cut (0). */
  verbose?: 0 | 1;
  /** `'min'`, `'max'`, or `'auto'` from the name (see {@link resolveMode}). */
  mode?: MonitorMode;
  /** Least change that counts as an improvement (1e-4). */
  minDelta?: number;
  /** Epochs to wait after a cut before counting again (0). */
  cooldown?: number;
  /** The rate never goes below it (0). */
  minLr?: number;
}

/**
 * Multiplies the learning rate by `factor` when `monitor` has not improved by more than
 * `minDelta` for `patience` epochs, then waits `cooldown` epochs, never going below `minLr`: Keras
 * 3's `ReduceLROnPlateau`. Like Keras 3 it adds `learning_rate` (the rate the epoch ran with) to
 * the epoch logs, so History, CSVLogger and the progress bar show it. Like Keras 3 (not 2), each
 * run starts with no best value: its first monitored value is the best, even ±Infinity or NaN
 * (after a NaN nothing improves, so the rate is cut every `patience` epochs).
 *
 * @example
 * ```ts
 * reduceLROnPlateau({ monitor: 'val_loss', factor: 0.2, patience: 5, minLr: 0.001 })
 * ```
 */
export class ReduceLROnPlateau extends Callback {
  /** The keys of {@link ReduceLROnPlateauOptions}, which the constructor checks. */
  static readonly optionKeys = optionKeys<ReduceLROnPlateauOptions>({
    monitor: true, factor: true, patience: true, verbose: true, mode: true, minDelta: true, cooldown: true, minLr: true,
  });
  readonly monitor: string;
  readonly factor: number;
  readonly patience: number;
  readonly verbose: 0 | 1;
  readonly mode: 'min' | 'max';
  readonly minDelta: number;
  readonly cooldown: number;
  readonly minLr: number;
  /** The best monitored value of this run so far (null before the first one, Keras 3's None). */
  best: number | null = null;
  /** Epochs since the last improvement (outside cooldown). */
  wait = 0;
  /** Epochs of cooldown left. */
  cooldownCounter = 0;
  private readonly warnings = new WarnOnce();

  /**
   * @throws TypeError for an unknown option (`min_lr` → `minLr`)
   * @throws Error when `factor` is not in [0, 1), or a count is not an integer ≥ 0
   */
  constructor(options: ReduceLROnPlateauOptions = {}) {
    super();
    checkCallbackOptions(options, new.target, 'ReduceLROnPlateau');
    this.monitor = options.monitor ?? 'val_loss';
    this.factor = options.factor ?? 0.1;
    if (!(typeof this.factor === 'number' && this.factor >= 0 && this.factor < 1)) throw argumentError(options.factor, 'number', `Expected factor to be in [0, 1) in ReduceLROnPlateau, received ${options.factor}`);
    this.patience = options.patience ?? 10;
    this.verbose = options.verbose ?? 0;
    this.minDelta = options.minDelta ?? 1e-4;
    this.cooldown = options.cooldown ?? 0;
    this.minLr = options.minLr ?? 0;
    checkInteger(this.patience, 'patience', 'ReduceLROnPlateau', 0);
    checkInteger(this.cooldown, 'cooldown', 'ReduceLROnPlateau', 0);
    if (!Number.isFinite(this.minDelta)) throw argumentError(options.minDelta, 'number', `Expected minDelta to be a finite number in ReduceLROnPlateau, received ${options.minDelta}`);
    if (!(typeof this.minLr === 'number' && this.minLr >= 0)) throw argumentError(options.minLr, 'number', `Expected minLr to be a number ≥ 0 in ReduceLROnPlateau, received ${options.minLr}`);
    this.mode = resolveMode(this.monitor, options.mode ?? 'auto', 'ReduceLROnPlateau');
    this.reset();
  }

  private reset(): void {
    this.best = null;
    this.wait = 0;
    this.cooldownCounter = 0;
  }

  override onTrainBegin(): void {
    this.reset();
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    logs.learning_rate = this.model!.getLearningRate();
    const current = monitoredValue(logs, this.monitor, 'Learning rate reduction is', this.warnings, '.');
    if (current === undefined) return;
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.wait = 0;
    }
    if (improves(current, this.best, this.mode, this.minDelta)) {
      this.best = current;
      this.wait = 0;
      return;
    }
    if (this.cooldownCounter > 0) return;
    this.wait += 1;
    if (this.wait < this.patience) return;
    const old = this.model!.getLearningRate();
    // Compared in float32, as the optimizer holds the rate: a rate set to minLr is at minLr.
    if (Math.fround(old) > Math.fround(this.minLr)) {
      const next = Math.max(old * this.factor, this.minLr);
      this.model!.setLearningRate(next);
      if (this.verbose > 0) console.log(`\nEpoch ${epoch + 1}: ReduceLROnPlateau reducing learning rate to ${pythonRepr(next)}.`);
      this.cooldownCounter = this.cooldown;
      this.wait = 0;
    }
  }
}

/**
 * Makes a {@link ReduceLROnPlateau} callback.
 *
 * @example `reduceLROnPlateau({ factor: 0.5, patience: 3 })`
 */
export const reduceLROnPlateau = (options: ReduceLROnPlateauOptions = {}) => new ReduceLROnPlateau(options);
