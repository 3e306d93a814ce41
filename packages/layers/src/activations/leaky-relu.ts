import { tf } from '@dendrite/backend';
import { checkNumber, atLeast } from '@dendrite/backend/internal';

/**
 * Leaky ReLU (Keras `leaky_relu`): `x` for x ≥ 0, `negativeSlope · x` below, with Keras 3's
 * default slope 0.2 (the `LeakyReLU` layer's default is 0.3). The default form is fusable into
 * Dense and Conv (`tf.fused` `'leakyrelu'` with alpha 0.2).
 *
 * @param x any float tensor
 * @param options `negativeSlope`, 0.2 by default
 * @returns the rectified tensor
 * @throws Error when `negativeSlope` is not a finite number ≥ 0
 * @example
 * ```ts
 * leakyRelu(tf.tensor1d([-1, 2]));                         // [-0.2, 2]
 * leakyRelu(tf.tensor1d([-1, 2]), { negativeSlope: 0.5 }); // [-0.5, 2]
 * ```
 */
export function leakyRelu(x: tf.Tensor, options: { negativeSlope?: number } = {}): tf.Tensor {
  return tf.leakyRelu(x, checkNumber(options.negativeSlope ?? 0.2, 'negativeSlope', 'activation leaky_relu', atLeast(0)));
}
