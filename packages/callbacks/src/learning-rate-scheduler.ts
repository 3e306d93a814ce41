import { Callback } from './callback';
import { pythonRepr } from './python-float';
import type { Logs } from './training-model';

/** A learning-rate schedule: the rate for an epoch (0-based) given the current one. */
export type LearningRateSchedule = (epoch: number, learningRate: number) => number;

/**
 * Sets the learning rate at each epoch's start to `schedule(epoch, currentRate)`, and adds the
 * rate to the epoch logs as `learning_rate`: Keras's `LearningRateScheduler`.
 *
 * @example
 * ```ts
 * // Keep the rate for ten epochs, then decay it exponentially.
 * learningRateScheduler((epoch, lr) => (epoch < 10 ? lr : lr * Math.exp(-0.1)));
 * ```
 */
export class LearningRateScheduler extends Callback {
  /**
   * @param schedule - the rate for each epoch
   * @param verbose - 1 prints the rate set at each epoch (0)
   * @throws Error when `schedule` is not a function
   */
  constructor(
    readonly schedule: LearningRateSchedule,
    readonly verbose: 0 | 1 = 0,
  ) {
    super();
    if (typeof schedule !== 'function') {
      throw new Error(`Expected schedule to be a function (epoch, learningRate) => number in LearningRateScheduler, received ${typeof schedule}`);
    }
  }

  /** @throws Error when the schedule returns something other than a finite number */
  override onEpochBegin(epoch: number): void {
    const rate = this.schedule(epoch, this.model!.getLearningRate());
    if (typeof rate !== 'number' || !Number.isFinite(rate)) {
      throw new Error(`Expected the schedule of LearningRateScheduler to return a finite number at epoch ${epoch}, received ${String(rate)}`);
    }
    this.model!.setLearningRate(rate);
    if (this.verbose > 0) console.log(`\nEpoch ${epoch + 1}: LearningRateScheduler setting learning rate to ${pythonRepr(rate)}.`);
  }

  override onEpochEnd(_epoch: number, logs?: Logs): void {
    if (logs) logs.learning_rate = this.model!.getLearningRate();
  }
}

/**
 * Makes a {@link LearningRateScheduler}.
 *
 * @example `learningRateScheduler((epoch, lr) => lr * 0.9)`
 */
export const learningRateScheduler = (schedule: LearningRateSchedule, verbose: 0 | 1 = 0) => new LearningRateScheduler(schedule, verbose);
