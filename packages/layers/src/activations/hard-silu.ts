import { tf } from '@dendrite/backend';

/**
 * Hard SiLU, also called hard swish (Keras `hard_silu`, alias `hard_swish`):
 * `x · relu6(x + 3) / 6`, i.e. 0 below −3, `x` above 3.
 *
 * @param x any float tensor
 * @returns the activated tensor
 * @example
 * ```ts
 * hardSilu(tf.tensor1d([-4, 0, 1, 4])); // [0, 0, 0.666…, 4]
 * ```
 */
export function hardSilu(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(x, tf.div(tf.relu6(tf.add(x, 3)), 6)));
}

/** {@link hardSilu} under its other Keras name: the same function, so it serializes as `hard_silu`. */
export const hardSwish = hardSilu;
