import { tf } from '@dendrite/backend';

/**
 * The exponential activation (Keras `exponential`): `exp(x)`.
 *
 * @param x any float tensor
 * @returns `exp(x)`, which overflows to Infinity beyond x ≈ 88 in float32
 * @example
 * ```ts
 * exponential(tf.tensor1d([0, 1])); // [1, 2.718…]
 * ```
 */
export function exponential(x: tf.Tensor): tf.Tensor {
  return tf.exp(x);
}
