import { tf } from '@dendrite/backend';
import { checkOptionKeys, optionKeys } from '@dendrite/backend/internal';
import { positionalOptions } from '../engine/positional-options';
import { Constraint } from './constraint';
import { checkAxis, EPSILON, type NormAxis, norms } from './norms';

/** Arguments of {@link UnitNorm}. */
export interface UnitNormArgs {
  /** The axis (or axes) norms are taken along; 0 by default (each column of a Dense kernel). */
  axis?: NormAxis;
}

/**
 * Scales each slice along `axis` to unit norm, `w / (n + 1e-7)` (Keras `UnitNorm`, name
 * `'unit_norm'`; config `{ axis }`).
 *
 * @example
 * ```ts
 * new UnitNorm().call(tf.tensor2d([[3], [4]])); // [[0.6], [0.8]]
 * ```
 */
export class UnitNorm extends Constraint {
  static override className = 'UnitNorm';
  /** The option keys of the constructor. */
  static readonly optionKeys = optionKeys<UnitNormArgs>({ axis: true });
  /** The axis or axes norms are taken along. */
  readonly axis: NormAxis;

  /**
   * @throws TypeError for an unknown option key
   * @throws Error for a non-integer axis */
  constructor(args: UnitNormArgs = {}) {
    super();
    checkOptionKeys(args, UnitNorm.optionKeys, 'UnitNorm');
    this.axis = checkAxis(args.axis ?? 0, this.className);
  }

  /**
   * The weight with every slice of unit norm (a zero slice stays zero).
   *
   * @throws Error when `axis` is outside the weight's rank
   */
  call(weight: tf.Tensor): tf.Tensor {
    return tf.tidy(() => tf.div(weight, tf.add(norms(weight, this.axis, this.className), EPSILON)));
  }

  override getConfig(): Record<string, unknown> {
    return { axis: this.axis };
  }
}

/**
 * A new {@link UnitNorm}: `unitNorm({ axis: [0, 1, 2] })`, or positionally as Keras's
 * `unit_norm(axis=0)`: `unitNorm(1)`.
 *
 * @throws TypeError for an unknown option, an axis given twice, or too many arguments
 * @throws Error for a non-integer axis
 * @example
 * ```ts
 * dense({ units: 16, kernelConstraint: unitNorm() });
 * ```
 */
export function unitNorm(args?: UnitNormArgs): UnitNorm;
export function unitNorm(axis: NormAxis): UnitNorm;
export function unitNorm(...values: unknown[]): UnitNorm {
  return new UnitNorm(positionalOptions<UnitNormArgs>(values, ['axis'], 'UnitNorm'));
}
