import { tf } from '@dendrite/backend';

/** SELU's `alpha` (Klambauer et al., 2017), as Keras. */
export const SELU_ALPHA = 1.6732632423543772;
/** SELU's `scale` (Klambauer et al., 2017), as Keras. */
export const SELU_SCALE = 1.0507009873554805;

/**
 * The scaled exponential linear unit (Keras `selu`): `scale · x` for x > 0,
 * `scale · alpha · (exp(x) − 1)` otherwise, with {@link SELU_SCALE} and {@link SELU_ALPHA}. Pair it
 * with the `lecun_normal` initializer.
 *
 * @param x any float tensor
 * @returns the activated tensor
 * @example
 * ```ts
 * selu(tf.tensor1d([1])); // [1.0507…]
 * ```
 */
export function selu(x: tf.Tensor): tf.Tensor {
  return tf.selu(x);
}
