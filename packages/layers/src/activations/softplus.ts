import { tf } from '@dendrite/backend';

/**
 * Softplus (Keras `softplus`): `log(exp(x) + 1)`, computed without overflow: tfjs's kernel
 * returns `x` for large x and `exp(x)` for very negative x.
 *
 * @param x any float tensor
 * @returns positive values
 * @example
 * ```ts
 * softplus(tf.tensor1d([0, 1000])); // [0.693…, 1000]
 * ```
 */
export function softplus(x: tf.Tensor): tf.Tensor {
  return tf.softplus(x);
}
