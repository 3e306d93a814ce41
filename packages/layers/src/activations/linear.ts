import type { tf } from '@dendrite/backend';

/**
 * The identity activation (Keras `linear`): returns `x` itself, no new tensor.
 *
 * @param x any tensor
 * @returns `x`
 * @example
 * ```ts
 * linear(tf.tensor1d([-1, 2])); // [-1, 2]
 * ```
 */
export function linear(x: tf.Tensor): tf.Tensor {
  return x;
}
