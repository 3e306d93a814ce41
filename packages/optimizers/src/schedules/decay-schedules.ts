import { LearningRateSchedule, checkScheduleArgument, nonNegative, positive, scheduleRegistry } from './learning-rate-schedule';

/** Arguments of {@link ExponentialDecay} and {@link InverseTimeDecay}. */
export interface DecayArgs {
  initialLearningRate: number;
  decaySteps: number;
  decayRate: number;
  /** Decay in whole periods of decaySteps. */
  staircase?: boolean;
}

function checkDecay(args: DecayArgs, className: string): Required<DecayArgs> {
  return {
    initialLearningRate: checkScheduleArgument(args.initialLearningRate, 'initialLearningRate', className, nonNegative, 'a finite number ≥ 0'),
    decaySteps: checkScheduleArgument(args.decaySteps, 'decaySteps', className, positive, 'a number > 0'),
    decayRate: checkScheduleArgument(args.decayRate, 'decayRate', className, nonNegative, 'a finite number ≥ 0'),
    staircase: args.staircase ?? false,
  };
}

/** A decay of `initialLearningRate` by `decayRate` per `decaySteps`, the formula its subclass's. */
abstract class StepDecay extends LearningRateSchedule {
  readonly args: Required<DecayArgs>;
  constructor(args: DecayArgs) {
    super();
    this.args = checkDecay(args, this.className);
  }
  /** The rate after `progress` decay periods. */
  protected abstract decayed(progress: number): number;
  call(step: number): number {
    const { decaySteps, staircase } = this.args;
    return this.decayed(staircase ? Math.floor(step / decaySteps) : step / decaySteps);
  }
  getConfig(): Record<string, unknown> {
    const a = this.args;
    return { initial_learning_rate: a.initialLearningRate, decay_steps: a.decaySteps, decay_rate: a.decayRate, staircase: a.staircase };
  }
}

/** `lr0 · rate^(step / decaySteps)`: the seeds' exponential scheduling. */
export class ExponentialDecay extends StepDecay {
  static override className = 'ExponentialDecay';
  protected decayed(progress: number): number {
    return this.args.initialLearningRate * this.args.decayRate ** progress;
  }
}

/** `lr0 / (1 + rate · step / decaySteps)`: the seeds' power scheduling. */
export class InverseTimeDecay extends StepDecay {
  static override className = 'InverseTimeDecay';
  protected decayed(progress: number): number {
    return this.args.initialLearningRate / (1 + this.args.decayRate * progress);
  }
}

/** `values[i]` while `step ≤ boundaries[i]`, the last value after: piecewise constant scheduling. */
export class PiecewiseConstantDecay extends LearningRateSchedule {
  static override className = 'PiecewiseConstantDecay';
  readonly boundaries: number[];
  readonly values: number[];
  constructor(args: { boundaries: number[]; values: number[] }) {
    super();
    if (!Array.isArray(args.boundaries) || !Array.isArray(args.values) || args.values.length !== args.boundaries.length + 1) {
      throw new Error(`Expected one more value than boundaries in schedule PiecewiseConstantDecay, received ${args.boundaries?.length} boundaries and ${args.values?.length} values`);
    }
    if (args.boundaries.some((b, i) => i > 0 && b <= args.boundaries[i - 1])) {
      throw new Error(`Expected increasing boundaries in schedule PiecewiseConstantDecay, received [${args.boundaries.join(', ')}]`);
    }
    this.boundaries = [...args.boundaries];
    this.values = [...args.values];
  }
  call(step: number): number {
    const index = this.boundaries.findIndex((boundary) => step <= boundary);
    return this.values[index < 0 ? this.values.length - 1 : index];
  }
  getConfig(): Record<string, unknown> {
    return { boundaries: this.boundaries, values: this.values };
  }
}

/** `(lr0 − end) · (1 − step / decaySteps)^power + end`, optionally cycling. */
export class PolynomialDecay extends LearningRateSchedule {
  static override className = 'PolynomialDecay';
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly endLearningRate: number;
  readonly power: number;
  readonly cycle: boolean;
  constructor(args: { initialLearningRate: number; decaySteps: number; endLearningRate?: number; power?: number; cycle?: boolean }) {
    super();
    this.initialLearningRate = checkScheduleArgument(args.initialLearningRate, 'initialLearningRate', 'PolynomialDecay', nonNegative, 'a finite number ≥ 0');
    this.decaySteps = checkScheduleArgument(args.decaySteps, 'decaySteps', 'PolynomialDecay', positive, 'a number > 0');
    this.endLearningRate = checkScheduleArgument(args.endLearningRate ?? 0.0001, 'endLearningRate', 'PolynomialDecay', nonNegative, 'a finite number ≥ 0');
    this.power = args.power ?? 1;
    this.cycle = args.cycle ?? false;
  }
  call(step: number): number {
    let decaySteps = this.decaySteps;
    let current = step;
    if (this.cycle) decaySteps *= step === 0 ? 1 : Math.ceil(step / this.decaySteps);
    else current = Math.min(step, decaySteps);
    return (this.initialLearningRate - this.endLearningRate) * (1 - current / decaySteps) ** this.power + this.endLearningRate;
  }
  getConfig(): Record<string, unknown> {
    return { initial_learning_rate: this.initialLearningRate, decay_steps: this.decaySteps, end_learning_rate: this.endLearningRate, power: this.power, cycle: this.cycle };
  }
}

/** Cosine decay from lr0 (or warmupTarget after a linear warmup) to `alpha · lr0`, as Keras 3. */
export class CosineDecay extends LearningRateSchedule {
  static override className = 'CosineDecay';
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly alpha: number;
  readonly warmupTarget: number | null;
  readonly warmupSteps: number;
  constructor(args: { initialLearningRate: number; decaySteps: number; alpha?: number; warmupTarget?: number | null; warmupSteps?: number }) {
    super();
    this.initialLearningRate = checkScheduleArgument(args.initialLearningRate, 'initialLearningRate', 'CosineDecay', nonNegative, 'a finite number ≥ 0');
    this.decaySteps = checkScheduleArgument(args.decaySteps, 'decaySteps', 'CosineDecay', positive, 'a number > 0');
    this.alpha = checkScheduleArgument(args.alpha ?? 0, 'alpha', 'CosineDecay', (v) => v >= 0 && v <= 1, 'in [0, 1]');
    this.warmupTarget = args.warmupTarget ?? null;
    this.warmupSteps = checkScheduleArgument(args.warmupSteps ?? 0, 'warmupSteps', 'CosineDecay', nonNegative, 'a number ≥ 0');
  }
  call(step: number): number {
    if (this.warmupTarget !== null && step < this.warmupSteps) {
      return this.initialLearningRate + ((this.warmupTarget - this.initialLearningRate) * step) / this.warmupSteps;
    }
    const base = this.warmupTarget ?? this.initialLearningRate;
    const decayStep = Math.min(step - (this.warmupTarget !== null ? this.warmupSteps : 0), this.decaySteps);
    const cosine = 0.5 * (1 + Math.cos((Math.PI * decayStep) / this.decaySteps));
    return base * ((1 - this.alpha) * cosine + this.alpha);
  }
  getConfig(): Record<string, unknown> {
    return { initial_learning_rate: this.initialLearningRate, decay_steps: this.decaySteps, alpha: this.alpha, warmup_target: this.warmupTarget, warmup_steps: this.warmupSteps };
  }
}

const SCHEDULES: Array<{ className: string; fromConfig(config: Record<string, unknown>): LearningRateSchedule }> = [
  ExponentialDecay,
  InverseTimeDecay,
  PiecewiseConstantDecay,
  PolynomialDecay,
  CosineDecay,
];
for (const schedule of SCHEDULES) scheduleRegistry.register(schedule.className, (config) => schedule.fromConfig(config));
