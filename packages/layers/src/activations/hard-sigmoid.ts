import { tf } from '@dendrite/backend';

/**
 * Keras 3's hard sigmoid (`hard_sigmoid`): `relu6(x + 3) / 6`, i.e. 0 below −3, 1 above 3 and
 * `x / 6 + 0.5` between. (Keras 2 and tfjs-layers used `0.2·x + 0.5`; Keras 3 changed it.)
 *
 * @param x any float tensor
 * @returns values in [0, 1]
 * @example
 * ```ts
 * hardSigmoid(tf.tensor1d([-4, 0, 1.5, 4])); // [0, 0.5, 0.75, 1]
 * ```
 */
export function hardSigmoid(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.div(tf.relu6(tf.add(x, 3)), 6));
}
