import { tf } from '@dendrite/backend';
import { checkOptionKeys, optionKeys, checkNumber, NON_NEGATIVE } from '@dendrite/backend/internal';
import { positionalOptions } from '../engine/positional-options';
import { Constraint } from './constraint';
import { checkAxis, EPSILON, type NormAxis, norms } from './norms';

/** Arguments of {@link MaxNorm}. */
export interface MaxNormArgs {
  /** The largest norm allowed; 2 by default, as Keras. */
  maxValue?: number;
  /**
   * The axis (or axes) norms are taken along; 0 by default: each column of a Dense kernel
   * `[in, out]`. For a Conv2D kernel `[h, w, in, out]` use `[0, 1, 2]`.
   */
  axis?: NormAxis;
}

/**
 * Scales each slice along `axis` whose norm exceeds `maxValue` down to it (Keras `MaxNorm`,
 * name `'max_norm'`; config `{ max_value, axis }`): `w · clip(n, 0, maxValue) / (n + 1e-7)`
 * with n the slice's norm, so slices within the limit shrink only by the epsilon.
 *
 * @example
 * ```ts
 * new MaxNorm({ maxValue: 2 }).call(tf.tensor2d([[3], [4]])); // [[1.2], [1.6]]: norm 5 → 2
 * ```
 */
export class MaxNorm extends Constraint {
  static override className = 'MaxNorm';
  /** The option keys of the constructor. */
  static readonly optionKeys = optionKeys<MaxNormArgs>({ maxValue: true, axis: true });
  /** The largest norm allowed. */
  readonly maxValue: number;
  /** The axis or axes norms are taken along. */
  readonly axis: NormAxis;

  /**
   * @throws TypeError for an unknown option key
   * @throws Error for a negative or non-finite maxValue or a non-integer axis */
  constructor(args: MaxNormArgs = {}) {
    super();
    checkOptionKeys(args, MaxNorm.optionKeys, 'MaxNorm');
    this.maxValue = checkNumber(args.maxValue ?? 2, 'maxValue', `constraint ${this.className}`, NON_NEGATIVE);
    this.axis = checkAxis(args.axis ?? 0, this.className);
  }

  /**
   * The weight with every slice's norm at most `maxValue`.
   *
   * @throws Error when `axis` is outside the weight's rank
   */
  call(weight: tf.Tensor): tf.Tensor {
    return tf.tidy(() => {
      const n = norms(weight, this.axis, this.className);
      return tf.mul(weight, tf.div(tf.clipByValue(n, 0, this.maxValue), tf.add(n, EPSILON)));
    });
  }

  override getConfig(): Record<string, unknown> {
    return { max_value: this.maxValue, axis: this.axis };
  }
}

/**
 * A new {@link MaxNorm}: `maxNorm({ maxValue: 3, axis: [0, 1, 2] })`, or positionally as Keras's
 * `max_norm(max_value=2, axis=0)`: `maxNorm(1)` is a largest norm of 1.
 *
 * @throws TypeError for an unknown option, a value given twice, or too many arguments
 * @throws Error for invalid arguments, as the constructor
 * @example
 * ```ts
 * dense({ units: 64, kernelConstraint: maxNorm({ maxValue: 3 }) });
 * ```
 */
export function maxNorm(args?: MaxNormArgs): MaxNorm;
export function maxNorm(maxValue: number, axis?: NormAxis): MaxNorm;
export function maxNorm(...values: unknown[]): MaxNorm {
  return new MaxNorm(positionalOptions<MaxNormArgs>(values, ['maxValue', 'axis'], 'MaxNorm'));
}
