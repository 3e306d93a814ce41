import { tf } from '@dendrite/backend';

/**
 * Keras 2's and tfjs-layers' hard sigmoid (`legacy_hard_sigmoid` here): `clip(0.2·x + 0.5, 0, 1)`,
 * i.e. 0 below −2.5, 1 above 2.5. Keras 3 changed `hard_sigmoid` to {@link hardSigmoid}'s
 * `relu6(x + 3) / 6`; models written by tfjs-layers or Keras 2 (tfjs-layers' LSTM and GRU use it as
 * their default recurrent activation) load with this one, so that they compute what they computed.
 *
 * @param x any float tensor
 * @returns values in [0, 1]
 * @example
 * ```ts
 * legacyHardSigmoid(tf.tensor1d([-3, 0, 1, 3])); // [0, 0.5, 0.7, 1]
 * ```
 */
export function legacyHardSigmoid(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.clipByValue(tf.add(tf.mul(x, 0.2), 0.5), 0, 1));
}
