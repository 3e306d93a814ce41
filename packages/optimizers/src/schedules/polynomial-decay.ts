import { optionKeys, NON_NEGATIVE, POSITIVE, checkBoolean, checkNumber } from '@dendrite/backend/internal';
import { LearningRateSchedule } from './learning-rate-schedule';

/** Arguments of {@link PolynomialDecay}. */
export interface PolynomialDecayArgs {
  /** The rate at step 0. */
  initialLearningRate: number;
  /** Steps to reach `endLearningRate` (> 0). */
  decaySteps: number;
  /** The rate at the end of the decay. Default 0.0001. */
  endLearningRate?: number;
  /** The polynomial's power. Default 1 (linear). */
  power?: number;
  /** Start again after `decaySteps`, over the next multiple of it. Default false. */
  cycle?: boolean;
}

/**
 * Polynomial decay, as Keras's `PolynomialDecay`:
 * `(lr0 − end) · (1 − min(step, decaySteps) / decaySteps)^power + end`. With `cycle`, the decay
 * runs over the first multiple of `decaySteps` at or above the step instead of stopping.
 *
 * @example
 * ```ts
 * polynomialDecay({ initialLearningRate: 0.1, decaySteps: 10000, endLearningRate: 0.01, power: 0.5 });
 * ```
 */
export class PolynomialDecay extends LearningRateSchedule {
  static override className = 'PolynomialDecay';
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
  static override readonly optionKeys = optionKeys<PolynomialDecayArgs>({ initialLearningRate: true, decaySteps: true, endLearningRate: true, power: true, cycle: true });
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly endLearningRate: number;
  readonly power: number;
  readonly cycle: boolean;

  /** @throws Error naming an argument out of range */
  constructor(args: PolynomialDecayArgs) {
    super(args);
    const owner = this.owner;
    this.initialLearningRate = checkNumber(args.initialLearningRate, 'initialLearningRate', owner, NON_NEGATIVE);
    this.decaySteps = checkNumber(args.decaySteps, 'decaySteps', owner, POSITIVE);
    this.endLearningRate = checkNumber(args.endLearningRate ?? 0.0001, 'endLearningRate', owner, NON_NEGATIVE);
    this.power = checkNumber(args.power ?? 1, 'power', owner, POSITIVE);
    this.cycle = checkBoolean(args.cycle ?? false, 'cycle', owner);
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

/**
 * Makes a {@link PolynomialDecay}.
 *
 * @throws Error naming an argument out of range
 */
export function polynomialDecay(args: PolynomialDecayArgs): PolynomialDecay {
  return new PolynomialDecay(args);
}
