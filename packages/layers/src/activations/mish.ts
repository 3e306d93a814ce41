import { tf } from '@dendrite/backend';

/**
 * Mish (Keras `mish`): `x · tanh(softplus(x))`.
 *
 * @param x any float tensor
 * @returns the activated tensor
 * @example
 * ```ts
 * mish(tf.tensor1d([1])); // [0.865…]
 * ```
 */
export function mish(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(x, tf.tanh(tf.softplus(x))));
}
