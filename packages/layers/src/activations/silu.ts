import { tf } from '@dendrite/backend';

/**
 * SiLU, also called swish (Keras `silu`, alias `swish`): `x · sigmoid(x)`.
 *
 * @param x any float tensor
 * @returns the activated tensor
 * @example
 * ```ts
 * silu(tf.tensor1d([0, 1])); // [0, 0.731…]
 * ```
 */
export function silu(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.mul(x, tf.sigmoid(x)));
}

/** {@link silu} under its other Keras name: the same function, so it serializes as `silu`. */
export const swish = silu;
