import { tf } from '@dendrite/backend';
import { checkOptionKeys } from '@dendrite/backend/internal';
import { Constraint } from './constraint';

/**
 * Sets negative entries to zero, `max(w, 0)` (Keras `NonNeg`, name `'non_neg'`; config `{}`).
 *
 * @example
 * ```ts
 * new NonNeg().call(tf.tensor1d([-1, 2])); // [0, 2]
 * ```
 */
export class NonNeg extends Constraint {
  static override className = 'NonNeg';
  /** NonNeg takes no options (an empty list, still checked). */
  static readonly optionKeys: readonly string[] = [];

  /** @throws TypeError for any option, or options that are not an object (`nonNeg(3)`) */
  constructor(args: Record<string, never> = {}) {
    super();
    checkOptionKeys(args, NonNeg.optionKeys, 'NonNeg');
  }

  /** The weight with negative entries replaced by 0. */
  call(weight: tf.Tensor): tf.Tensor {
    return tf.tidy(() => tf.maximum(weight, tf.scalar(0, weight.dtype)));
  }
}

/**
 * A new {@link NonNeg}.
 *
 * @example
 * ```ts
 * dense({ units: 4, kernelConstraint: nonNeg() });
 * ```
 */
export function nonNeg(args?: Record<string, never>): NonNeg {
  return new NonNeg(args);
}
