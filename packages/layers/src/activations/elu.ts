import { tf } from '@dendrite/backend';
import { checkNumber } from '@dendrite/backend/internal';

/**
 * The exponential linear unit (Keras `elu`): `x` for x > 0, `alpha · (exp(x) − 1)` otherwise.
 * The default form (alpha 1) is fusable into Dense and Conv.
 *
 * @param x any float tensor
 * @param options `alpha`, 1 by default
 * @returns the activated tensor
 * @throws Error when `alpha` is not a finite number
 * @example
 * ```ts
 * elu(tf.tensor1d([-1, 2]));               // [-0.632…, 2]
 * elu(tf.tensor1d([-1, 2]), { alpha: 2 }); // [-1.264…, 2]
 * ```
 */
export function elu(x: tf.Tensor, options: { alpha?: number } = {}): tf.Tensor {
  const alpha = checkNumber(options.alpha ?? 1, 'alpha', 'activation elu');
  if (alpha === 1) return tf.elu(x);
  // relu(x) + alpha·(exp(min(x, 0)) − 1): exp of min(x, 0) keeps large x from overflowing, and
  // avoids comparisons, which have no gradient in tfjs.
  return tf.tidy(() => tf.add(tf.relu(x), tf.mul(tf.sub(tf.exp(tf.minimum(x, 0)), 1), alpha)));
}
