import { describeValue, optionKeys } from '@dendrite/backend/internal';
import { Callback } from './callback';
import { checkCallbackOptions } from './callback-options';
import { pythonRepr } from './python-float';
import type { Logs } from './training-model';

/** A learning-rate schedule: the rate for an epoch (0-based) given the current one. */
export type LearningRateSchedule = (epoch: number, learningRate: number) => number;

/** Options of {@link LearningRateScheduler}; Keras's arguments. */
export interface LearningRateSchedulerOptions {
  /** The rate for each epoch, Keras's first argument: given here or first, not both. */
  schedule?: LearningRateSchedule;
  /** 1 prints the rate set at each epoch (0). */
  verbose?: 0 | 1;
}

/**
 * Sets the learning rate at each epoch's start to `schedule(epoch, currentRate)`, and adds the
 * rate to the epoch logs as `learning_rate`: Keras's `LearningRateScheduler`. The schedule comes
 * first (then `verbose`, as Keras's positional arguments) or inside one options object.
 *
 * @example
 * ```ts
 * // Keep the rate for ten epochs, then decay it exponentially.
 * learningRateScheduler((epoch, lr) => (epoch < 10 ? lr : lr * Math.exp(-0.1)));
 * learningRateScheduler({ schedule: (epoch, lr) => lr * 0.9, verbose: 1 });
 * ```
 */
export class LearningRateScheduler extends Callback {
  /** The keys of {@link LearningRateSchedulerOptions}, which the constructor checks. */
  static readonly optionKeys = optionKeys<LearningRateSchedulerOptions>({ schedule: true, verbose: true });
  /** The rate for each epoch. */
  readonly schedule: LearningRateSchedule;
  /** 1 prints the rate set at each epoch. */
  readonly verbose: 0 | 1;

  /**
   * @param schedule - the rate for each epoch
   * @param verbose - 1 prints the rate set at each epoch (0), or `{ verbose }`
   * @throws TypeError for an unknown option
   * @throws Error when `schedule` is not a function or `verbose` is neither 0 nor 1
   */
  constructor(schedule: LearningRateSchedule, verbose?: 0 | 1 | Omit<LearningRateSchedulerOptions, 'schedule'>);
  /** @param options - Keras's arguments, `schedule` among them */
  constructor(options: LearningRateSchedulerOptions & { schedule: LearningRateSchedule });
  constructor(first: LearningRateSchedule | LearningRateSchedulerOptions, second?: 0 | 1 | LearningRateSchedulerOptions) {
    super();
    const owner = 'LearningRateScheduler';
    let options: LearningRateSchedulerOptions;
    if (typeof first === 'function') {
      const rest = typeof second === 'number' || typeof second === 'boolean' ? { verbose: second } : second;
      checkCallbackOptions(rest, new.target, owner);
      if (rest?.schedule !== undefined) throw new Error(`Expected schedule once in ${owner}, received it as the first argument and in the options`);
      options = { ...rest, schedule: first };
    } else {
      if (second !== undefined) throw new TypeError(`Expected the options of ${owner} in one object, received a second argument ${describeValue(second)}`);
      checkCallbackOptions(first, new.target, owner);
      options = first ?? {};
    }
    if (typeof options.schedule !== 'function') {
      throw new TypeError(`Expected schedule to be a function (epoch, learningRate) => number in ${owner}, received ${describeValue(options.schedule)}`);
    }
    const verbose = options.verbose ?? 0;
    if (verbose !== 0 && verbose !== 1) throw new Error(`Expected verbose to be 0 or 1 in ${owner}, received ${describeValue(options.verbose)}`);
    this.schedule = options.schedule;
    this.verbose = verbose;
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
 * Makes a {@link LearningRateScheduler}: the schedule first, or inside the options as Keras's `schedule`.
 *
 * @example `learningRateScheduler((epoch, lr) => lr * 0.9)`, `learningRateScheduler({ schedule, verbose: 1 })`
 */
export function learningRateScheduler(schedule: LearningRateSchedule, verbose?: 0 | 1 | Omit<LearningRateSchedulerOptions, 'schedule'>): LearningRateScheduler;
export function learningRateScheduler(options: LearningRateSchedulerOptions & { schedule: LearningRateSchedule }): LearningRateScheduler;
export function learningRateScheduler(
  first: LearningRateSchedule | (LearningRateSchedulerOptions & { schedule: LearningRateSchedule }),
  second?: 0 | 1 | Omit<LearningRateSchedulerOptions, 'schedule'>,
): LearningRateScheduler {
  return new LearningRateScheduler(first as LearningRateSchedule, second);
}
