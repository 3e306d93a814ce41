import { optionKeys, NON_NEGATIVE, describeValue, checkNumber } from '@dendrite/backend/internal';
import { LearningRateSchedule } from './learning-rate-schedule';

/** Arguments of {@link PiecewiseConstantDecay}. */
export interface PiecewiseConstantDecayArgs {
  /** Strictly increasing steps where the rate changes. */
  boundaries: number[];
  /** The rates: `values[0]` up to `boundaries[0]`, …, the last after the last boundary (one more than boundaries). */
  values: number[];
}

/**
 * Piecewise constant scheduling, as Keras's `PiecewiseConstantDecay`: `values[0]` while
 * `step ≤ boundaries[0]`, `values[i]` while `boundaries[i−1] < step ≤ boundaries[i]`, and the
 * last value after the last boundary.
 *
 * @example
 * ```ts
 * piecewiseConstantDecay({ boundaries: [1000, 2000], values: [0.01, 0.005, 0.001] });
 * ```
 */
export class PiecewiseConstantDecay extends LearningRateSchedule {
  static override className = 'PiecewiseConstantDecay';
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
  static override readonly optionKeys = optionKeys<PiecewiseConstantDecayArgs>({ boundaries: true, values: true });
  readonly boundaries: number[];
  readonly values: number[];

  /** @throws Error when values are not one more than boundaries, boundaries do not increase, or a value is not a finite number ≥ 0 */
  constructor(args: PiecewiseConstantDecayArgs) {
    super(args);
    const owner = this.owner;
    const { boundaries, values } = args;
    if (!Array.isArray(boundaries) || !Array.isArray(values) || values.length !== boundaries.length + 1) {
      throw new Error(`Expected values to have one more entry than boundaries in ${owner}, received boundaries ${describeValue(boundaries)} and values ${describeValue(values)}`);
    }
    boundaries.forEach((boundary, index) => {
      checkNumber(boundary, `boundaries[${index}]`, owner, NON_NEGATIVE);
      if (index > 0 && boundary <= boundaries[index - 1]) throw new Error(`Expected strictly increasing boundaries in ${owner}, received [${boundaries.join(', ')}]`);
    });
    values.forEach((value, index) => checkNumber(value, `values[${index}]`, owner, NON_NEGATIVE));
    this.boundaries = [...boundaries];
    this.values = [...values];
  }

  call(step: number): number {
    const index = this.boundaries.findIndex((boundary) => step <= boundary);
    return this.values[index === -1 ? this.values.length - 1 : index];
  }

  getConfig(): Record<string, unknown> {
    return { boundaries: [...this.boundaries], values: [...this.values] };
  }
}

/**
 * Makes a {@link PiecewiseConstantDecay}.
 *
 * @throws Error for mismatched or unordered arguments
 */
export function piecewiseConstantDecay(args: PiecewiseConstantDecayArgs): PiecewiseConstantDecay {
  return new PiecewiseConstantDecay(args);
}
