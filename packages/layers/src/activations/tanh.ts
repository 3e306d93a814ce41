import { tf } from '@dendrite/backend';

/**
 * The hyperbolic tangent (Keras `tanh`).
 *
 * @param x any float tensor
 * @returns values in [−1, 1]
 * @example
 * ```ts
 * tanh(tf.tensor1d([0])); // [0]
 * ```
 */
export function tanh(x: tf.Tensor): tf.Tensor {
  return tf.tanh(x);
}
