import { optionKeys, NON_NEGATIVE, POSITIVE, STEP_COUNT, checkNumber } from '@dendrite/backend/internal';
import { LearningRateSchedule } from './learning-rate-schedule';

/** Arguments of {@link OneCycle}. */
export interface OneCycleArgs {
  /** Steps in the whole run: epochs × batches per epoch (an integer ≥ 3). */
  totalSteps: number;
  /** η₁, the peak rate, reached in the middle of the cycle. */
  maxLearningRate: number;
  /** η₀, the rate at the start and end of the cycle. Default maxLearningRate / 10. */
  startLearningRate?: number;
  /** Steps of the final annealing, after the cycle. Default floor(totalSteps / 10) + 1. */
  lastSteps?: number;
  /** The rate the annealing ends at, "a few decimal places" below η₀. Default startLearningRate / 1000. */
  lastLearningRate?: number;
}

/**
 * 1cycle scheduling (after Smith 2018 and Géron's `OneCycleScheduler`). With
 * `h = floor((totalSteps − lastSteps) / 2)`, the rate rises linearly from η₀ to η₁ over steps
 * [0, h), falls linearly back to η₀ over [h, 2h), then falls linearly from η₀ to
 * `lastLearningRate` over the remaining steps up to `totalSteps`, and stays there after.
 * Use it with SGD and momentum (Smith also cycles momentum the other way; this schedule does not).
 *
 * @example
 * ```ts
 * const steps = epochs * Math.ceil(trainSize / batchSize);
 * sgd({ momentum: 0.9, learningRate: oneCycle({ totalSteps: steps, maxLearningRate: 0.05 }) });
 * ```
 */
export class OneCycle extends LearningRateSchedule {
  static override className = 'OneCycle';
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
  static override readonly optionKeys = optionKeys<OneCycleArgs>({ totalSteps: true, maxLearningRate: true, startLearningRate: true, lastSteps: true, lastLearningRate: true });
  readonly totalSteps: number;
  readonly maxLearningRate: number;
  readonly startLearningRate: number;
  readonly lastSteps: number;
  readonly lastLearningRate: number;
  /** h: the steps of each half of the cycle. */
  readonly halfCycle: number;

  /** @throws Error naming an argument out of range, or lastSteps leaving a cycle under 2 steps */
  constructor(args: OneCycleArgs) {
    super(args);
    const owner = this.owner;
    this.totalSteps = checkNumber(args.totalSteps, 'totalSteps', owner, { test: (v) => Number.isInteger(v) && v >= 3, expected: 'an integer ≥ 3' });
    this.maxLearningRate = checkNumber(args.maxLearningRate, 'maxLearningRate', owner, POSITIVE);
    this.startLearningRate = checkNumber(args.startLearningRate ?? this.maxLearningRate / 10, 'startLearningRate', owner, NON_NEGATIVE);
    this.lastSteps = checkNumber(args.lastSteps ?? Math.floor(this.totalSteps / 10) + 1, 'lastSteps', owner, STEP_COUNT);
    this.lastLearningRate = checkNumber(args.lastLearningRate ?? this.startLearningRate / 1000, 'lastLearningRate', owner, NON_NEGATIVE);
    this.halfCycle = Math.floor((this.totalSteps - this.lastSteps) / 2);
    if (this.halfCycle < 1) {
      throw new Error(`Expected lastSteps to leave a cycle of ≥ 2 steps of totalSteps ${this.totalSteps} in ${owner}, received ${this.lastSteps}`);
    }
  }

  call(step: number): number {
    const h = this.halfCycle;
    const at = Math.min(step, this.totalSteps);
    const line = (from: number, to: number, rateFrom: number, rateTo: number) => rateFrom + ((rateTo - rateFrom) * (at - from)) / (to - from);
    if (at < h) return line(0, h, this.startLearningRate, this.maxLearningRate);
    if (at < 2 * h) return line(h, 2 * h, this.maxLearningRate, this.startLearningRate);
    // lastSteps 0 with an even totalSteps: no annealing phase, the cycle ends at η₀.
    if (2 * h === this.totalSteps) return this.startLearningRate;
    return line(2 * h, this.totalSteps, this.startLearningRate, this.lastLearningRate);
  }

  getConfig(): Record<string, unknown> {
    return {
      total_steps: this.totalSteps,
      max_learning_rate: this.maxLearningRate,
      start_learning_rate: this.startLearningRate,
      last_steps: this.lastSteps,
      last_learning_rate: this.lastLearningRate,
    };
  }
}

/**
 * Makes a {@link OneCycle} schedule.
 *
 * @throws Error naming an argument out of range
 */
export function oneCycle(args: OneCycleArgs): OneCycle {
  return new OneCycle(args);
}
