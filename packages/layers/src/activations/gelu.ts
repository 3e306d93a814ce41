import { tf } from '@dendrite/backend';

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/**
 * The Gaussian error linear unit (Keras `gelu`): `x · Φ(x)`. By default the exact form
 * `0.5 · x · (1 + erf(x / √2))`, as Keras (approximate=false); with `approximate: true` the tanh
 * form `0.5 · x · (1 + tanh(√(2/π) · (x + 0.044715 · x³)))`.
 *
 * @param x any float tensor
 * @param options `approximate`, false by default
 * @returns the activated tensor
 * @example
 * ```ts
 * gelu(tf.tensor1d([1]));                        // [0.8413…]
 * gelu(tf.tensor1d([1]), { approximate: true }); // [0.8411…]
 * ```
 */
export function gelu(x: tf.Tensor, options: { approximate?: boolean } = {}): tf.Tensor {
  return options.approximate === true ? geluApproximate(x) : tf.tidy(() => tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.div(x, Math.SQRT2)))));
}

/**
 * {@link gelu} with `approximate: true`, as one `Activation`; tfjs-layers calls it
 * `gelu_new`, the name it serializes under.
 *
 * @param x any float tensor
 * @returns the activated tensor
 * @example
 * ```ts
 * dense({ units: 8, activation: geluApproximate });
 * ```
 */
export function geluApproximate(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const cube = tf.mul(tf.mul(x, x), x);
    const inner = tf.mul(tf.add(x, tf.mul(cube, 0.044715)), SQRT_2_OVER_PI);
    return tf.mul(tf.mul(x, 0.5), tf.add(1, tf.tanh(inner)));
  });
}
