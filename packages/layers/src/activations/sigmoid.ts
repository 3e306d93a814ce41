import { tf } from '@dendrite/backend';

/**
 * The logistic sigmoid (Keras `sigmoid`): `1 / (1 + exp(−x))`, saturating cleanly to 0 and 1
 * for large |x|. Fusable into Dense and Conv (`tf.fused` `'sigmoid'`).
 *
 * @param x any float tensor
 * @returns values in [0, 1]
 * @example
 * ```ts
 * sigmoid(tf.tensor1d([0])); // [0.5]
 * ```
 */
export function sigmoid(x: tf.Tensor): tf.Tensor {
  return tf.sigmoid(x);
}
