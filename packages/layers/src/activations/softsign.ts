import { tf } from '@dendrite/backend';

/**
 * Softsign (Keras `softsign`): `x / (|x| + 1)`.
 *
 * @param x any float tensor
 * @returns values in (−1, 1)
 * @example
 * ```ts
 * softsign(tf.tensor1d([-1, 3])); // [-0.5, 0.75]
 * ```
 */
export function softsign(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.div(x, tf.add(tf.abs(x), 1)));
}
