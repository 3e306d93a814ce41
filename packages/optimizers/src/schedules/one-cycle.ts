import { LearningRateSchedule, checkScheduleArgument, positive, scheduleRegistry } from './learning-rate-schedule';

/** Arguments of {@link OneCycle}. */
export interface OneCycleArgs {
  /** Steps in the whole run (epochs × batches per epoch). */
  totalSteps: number;
  /** The peak rate, reached at the middle of the cycle (η₁). */
  maxLearningRate: number;
  /** The rate at the start and end of the cycle (η₀; maxLearningRate / 10 by default). */
  startLearningRate?: number;
  /** Steps of the final annealing (totalSteps / 10 + 1 by default). */
  lastSteps?: number;
  /** The rate the annealing ends at (startLearningRate / 1000 by default). */
  lastLearningRate?: number;
}

/**
 * 1cycle scheduling (seed 003, after Smith and Géron): the rate rises linearly from η₀ to η₁ over
 * the first half of the cycle, falls back to η₀ over the second half, then is annealed linearly
 * to a tiny rate over the last steps.
 */
export class OneCycle extends LearningRateSchedule {
  static override className = 'OneCycle';
  readonly totalSteps: number;
  readonly maxLearningRate: number;
  readonly startLearningRate: number;
  readonly lastSteps: number;
  readonly lastLearningRate: number;
  private readonly halfCycle: number;

  constructor(args: OneCycleArgs) {
    super();
    this.totalSteps = checkScheduleArgument(args.totalSteps, 'totalSteps', 'OneCycle', (v) => Number.isInteger(v) && v >= 3, 'an integer ≥ 3');
    this.maxLearningRate = checkScheduleArgument(args.maxLearningRate, 'maxLearningRate', 'OneCycle', positive, 'a number > 0');
    this.startLearningRate = args.startLearningRate ?? this.maxLearningRate / 10;
    this.lastSteps = args.lastSteps ?? Math.floor(this.totalSteps / 10) + 1;
    this.lastLearningRate = args.lastLearningRate ?? this.startLearningRate / 1000;
    this.halfCycle = Math.floor((this.totalSteps - this.lastSteps) / 2);
    if (this.halfCycle < 1) throw new Error(`Expected lastSteps to leave a cycle of ≥ 2 steps in schedule OneCycle, received lastSteps ${this.lastSteps} of ${this.totalSteps}`);
  }

  call(step: number): number {
    const interpolate = (from: number, to: number, rateFrom: number, rateTo: number) => rateFrom + ((rateTo - rateFrom) * (step - from)) / (to - from);
    const half = this.halfCycle;
    if (step < half) return interpolate(0, half, this.startLearningRate, this.maxLearningRate);
    if (step < 2 * half) return interpolate(half, 2 * half, this.maxLearningRate, this.startLearningRate);
    return interpolate(2 * half, this.totalSteps, this.startLearningRate, this.lastLearningRate);
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

scheduleRegistry.register('OneCycle', (config) => OneCycle.fromConfig(config));
