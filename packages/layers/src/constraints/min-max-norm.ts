import { tf } from '@dendrite/backend';
import { checkOptionKeys, optionKeys, checkNumber, NON_NEGATIVE, CLOSED_FRACTION } from '@dendrite/backend/internal';
import { positionalOptions } from '../engine/positional-options';
import { Constraint } from './constraint';
import { checkAxis, EPSILON, type NormAxis, norms } from './norms';

/** Arguments of {@link MinMaxNorm}. */
export interface MinMaxNormArgs {
  /** The smallest norm allowed; 0 by default. */
  minValue?: number;
  /** The largest norm allowed; 1 by default. */
  maxValue?: number;
  /** How far each step moves a norm into the range, in [0, 1]; 1 (all the way) by default. */
  rate?: number;
  /** The axis (or axes) norms are taken along; 0 by default (each column of a Dense kernel). */
  axis?: NormAxis;
}

/**
 * Moves each slice's norm n into [minValue, maxValue] (Keras `MinMaxNorm`, name
 * `'min_max_norm'`; config `{ min_value, max_value, rate, axis }`): the slice is scaled to norm
 * `rate · clip(n, minValue, maxValue) + (1 − rate) · n`, dividing by `n + 1e-7`.
 *
 * @example
 * ```ts
 * new MinMaxNorm({ minValue: 1, maxValue: 2 }).call(tf.tensor2d([[0.3], [0.4]])); // norm 0.5 → 1
 * ```
 */
export class MinMaxNorm extends Constraint {
  static override className = 'MinMaxNorm';
  /** The option keys of the constructor. */
  static readonly optionKeys = optionKeys<MinMaxNormArgs>({ minValue: true, maxValue: true, rate: true, axis: true });
  /** The smallest norm allowed. */
  readonly minValue: number;
  /** The largest norm allowed. */
  readonly maxValue: number;
  /** How far each step moves a norm into the range. */
  readonly rate: number;
  /** The axis or axes norms are taken along. */
  readonly axis: NormAxis;

  /**
   * @throws TypeError for an unknown option key
   * @throws Error for negative or non-finite bounds, minValue > maxValue, a rate outside [0, 1] or a non-integer axis */
  constructor(args: MinMaxNormArgs = {}) {
    super();
    checkOptionKeys(args, MinMaxNorm.optionKeys, 'MinMaxNorm');
    this.minValue = checkNumber(args.minValue ?? 0, 'minValue', `constraint ${this.className}`, NON_NEGATIVE);
    this.maxValue = checkNumber(args.maxValue ?? 1, 'maxValue', `constraint ${this.className}`, NON_NEGATIVE);
    if (this.minValue > this.maxValue) {
      throw new Error(`Expected minValue ≤ maxValue in constraint MinMaxNorm, received minValue ${this.minValue} and maxValue ${this.maxValue}`);
    }
    this.rate = checkNumber(args.rate ?? 1, 'rate', `constraint ${this.className}`, CLOSED_FRACTION);
    this.axis = checkAxis(args.axis ?? 0, this.className);
  }

  /**
   * The weight with every slice's norm moved toward [minValue, maxValue].
   *
   * @throws Error when `axis` is outside the weight's rank
   */
  call(weight: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const n = norms(weight, this.axis, this.className);
      const desired = tf.add(tf.mul(tf.clipByValue(n, this.minValue, this.maxValue), this.rate), tf.mul(n, 1 - this.rate));
      return tf.mul(weight, tf.div(desired, tf.add(n, EPSILON)));
    });
  }

  override getConfig(): Record<string, unknown> {
    return { min_value: this.minValue, max_value: this.maxValue, rate: this.rate, axis: this.axis };
  }
}

/**
 * A new {@link MinMaxNorm}: `minMaxNorm({ minValue: 0.5, maxValue: 2, rate: 0.5 })`, or
 * positionally as Keras's `min_max_norm(min_value=0, max_value=1, rate=1, axis=0)`.
 *
 * @throws TypeError for an unknown option, a value given twice, or too many arguments
 * @throws Error for invalid arguments, as the constructor
 * @example
 * ```ts
 * dense({ units: 32, kernelConstraint: minMaxNorm({ maxValue: 2 }) });
 * ```
 */
export function minMaxNorm(args?: MinMaxNormArgs): MinMaxNorm;
export function minMaxNorm(minValue: number, maxValue?: number, rate?: number, axis?: NormAxis): MinMaxNorm;
export function minMaxNorm(...values: unknown[]): MinMaxNorm {
  return new MinMaxNorm(positionalOptions<MinMaxNormArgs>(values, ['minValue', 'maxValue', 'rate', 'axis'], 'MinMaxNorm'));
}
