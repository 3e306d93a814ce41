import { optionKeys, NON_NEGATIVE, POSITIVE, checkBoolean, checkNumber } from '@dendrite/backend/internal';
import { LearningRateSchedule } from './learning-rate-schedule';

/** Arguments of {@link ExponentialDecay} and {@link InverseTimeDecay}. */
export interface DecayArgs {
  /** The rate at step 0. */
  initialLearningRate: number;
  /** The steps in one decay period (> 0). */
  decaySteps: number;
  /** How much one period decays the rate (its meaning is the subclass's formula). */
  decayRate: number;
  /** Decay in whole periods only (`floor(step / decaySteps)`), as a staircase. Default false. */
  staircase?: boolean;
}

/**
 * A decay of `initialLearningRate` by `decayRate` per `decaySteps`, continuous or in whole
 * periods; the formula is the subclass's `decayed(progress)`.
 */
export abstract class StepDecay extends LearningRateSchedule {
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
  static override readonly optionKeys = optionKeys<DecayArgs>({ initialLearningRate: true, decaySteps: true, decayRate: true, staircase: true });
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly decayRate: number;
  readonly staircase: boolean;

  /** @throws Error naming an argument out of range (decaySteps ≤ 0, a negative rate…) */
  constructor(args: DecayArgs) {
    super(args);
    const owner = this.owner;
    this.initialLearningRate = checkNumber(args.initialLearningRate, 'initialLearningRate', owner, NON_NEGATIVE);
    this.decaySteps = checkNumber(args.decaySteps, 'decaySteps', owner, POSITIVE);
    this.decayRate = checkNumber(args.decayRate, 'decayRate', owner, NON_NEGATIVE);
    this.staircase = checkBoolean(args.staircase ?? false, 'staircase', owner);
  }

  /** The rate after `progress` decay periods. */
  protected abstract decayed(progress: number): number;

  call(step: number): number {
    const progress = step / this.decaySteps;
    return this.decayed(this.staircase ? Math.floor(progress) : progress);
  }

  getConfig(): Record<string, unknown> {
    return { initial_learning_rate: this.initialLearningRate, decay_steps: this.decaySteps, decay_rate: this.decayRate, staircase: this.staircase };
  }
}
