import { Callback } from './callback';
import { type MonitorMode, improves, monitoredValue, resolveMode } from './monitor';
import type { Logs } from './training-model';

/** Options of {@link ReduceLROnPlateau}. */
export interface ReduceLROnPlateauOptions {
  monitor?: string;
  factor?: number;
  patience?: number;
  verbose?: 0 | 1;
  mode?: MonitorMode;
  minDelta?: number;
  cooldown?: number;
  minLr?: number;
}

/**
 * Multiplies the learning rate by `factor` (0.1) when `monitor` stops improving for `patience`
 * (10) epochs, waiting `cooldown` epochs after each cut and never going below `minLr` — the seeds'
 * performance scheduling. Adds `learning_rate` to the epoch logs, as Keras 3.
 */
export class ReduceLROnPlateau extends Callback {
  readonly monitor: string;
  readonly factor: number;
  readonly patience: number;
  readonly verbose: 0 | 1;
  readonly minDelta: number;
  readonly cooldown: number;
  readonly minLr: number;
  private readonly direction: 'min' | 'max';
  private best = Infinity;
  private wait = 0;
  private cooldownCounter = 0;

  constructor(options: ReduceLROnPlateauOptions = {}) {
    super();
    this.monitor = options.monitor ?? 'val_loss';
    this.factor = options.factor ?? 0.1;
    if (!(this.factor < 1 && this.factor >= 0)) throw new Error(`Expected factor in [0, 1) in ReduceLROnPlateau, received ${options.factor}`);
    this.patience = options.patience ?? 10;
    this.verbose = options.verbose ?? 0;
    this.minDelta = options.minDelta ?? 1e-4;
    this.cooldown = options.cooldown ?? 0;
    this.minLr = options.minLr ?? 0;
    this.direction = resolveMode(this.monitor, options.mode ?? 'auto', 'ReduceLROnPlateau');
  }

  override onTrainBegin(): void {
    this.best = this.direction === 'min' ? Infinity : -Infinity;
    this.wait = 0;
    this.cooldownCounter = 0;
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    logs.learning_rate = this.model!.getLearningRate();
    const current = monitoredValue(logs, this.monitor, 'Learning rate reduction');
    if (current === undefined) return;
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.wait = 0;
    }
    if (improves(current, this.best, this.direction, this.minDelta)) {
      this.best = current;
      this.wait = 0;
      return;
    }
    if (this.cooldownCounter > 0) return;
    this.wait += 1;
    if (this.wait < this.patience) return;
    const old = this.model!.getLearningRate();
    if (old > this.minLr) {
      const next = Math.max(old * this.factor, this.minLr);
      this.model!.setLearningRate(next);
      if (this.verbose > 0) console.log(`\nEpoch ${epoch + 1}: ReduceLROnPlateau reducing learning rate to ${next}.`);
      this.cooldownCounter = this.cooldown;
      this.wait = 0;
    }
  }
}

/** Makes a {@link ReduceLROnPlateau} callback. */
export const reduceLROnPlateau = (options: ReduceLROnPlateauOptions = {}) => new ReduceLROnPlateau(options);
