import { tf } from '@dendrite/backend';

/**
 * ReLU capped at 6 (Keras `relu6`): `min(max(x, 0), 6)`. Fusable into Dense and Conv.
 *
 * @param x any float tensor
 * @returns values in [0, 6]
 * @example
 * ```ts
 * relu6(tf.tensor1d([-1, 3, 8])); // [0, 3, 6]
 * ```
 */
export function relu6(x: tf.Tensor): tf.Tensor {
  return tf.relu6(x);
}
