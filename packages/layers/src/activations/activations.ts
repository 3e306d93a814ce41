import { tf } from '@dendrite/backend';

/** An activation: a function from a tensor to a tensor of the same shape. */
export type Activation = (x: tf.Tensor) => tf.Tensor;

/** `x` unchanged. */
export const linear: Activation = (x) => x;
/** `1 / (1 + exp(−x))`. */
export const sigmoid: Activation = (x) => tf.sigmoid(x);
/** Keras 3's piecewise-linear sigmoid: `relu6(x + 3) / 6`. */
export const hardSigmoid: Activation = (x) => tf.div(tf.relu6(tf.add(x, 3)), 6);
/** Hyperbolic tangent. */
export const tanh: Activation = (x) => tf.tanh(x);
/** `max(x, 0)`. */
export const relu: Activation = (x) => tf.relu(x);
/** `min(max(x, 0), 6)`. */
export const relu6: Activation = (x) => tf.relu6(x);
/** `x` for x > 0, `exp(x) − 1` otherwise (alpha 1). */
export const elu: Activation = (x) => tf.elu(x);
/** Scaled ELU with Keras's constants. */
export const selu: Activation = (x) => tf.selu(x);
/** `x` for x ≥ 0, `0.2·x` otherwise (Keras 3's default negative slope). */
export const leakyRelu: Activation = (x) => tf.leakyRelu(x, 0.2);
/** Softmax over the last axis. */
export const softmax: Activation = (x) => tf.softmax(x, -1);
/** Log-softmax over the last axis. */
export const logSoftmax: Activation = (x) => tf.logSoftmax(x, -1);
/** `log(1 + exp(x))`, computed stably. */
export const softplus: Activation = (x) => tf.softplus(x);
/** `x / (1 + |x|)`. */
export const softsign: Activation = (x) => tf.div(x, tf.add(tf.abs(x), 1));
/** `x · sigmoid(x)` (also called SiLU). */
export const swish: Activation = (x) => tf.mul(x, tf.sigmoid(x));
/** Gaussian error linear unit, exact form `x · Φ(x)` (Keras's default, approximate=false). */
export const gelu: Activation = (x) => tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.div(x, Math.SQRT2))));
/** The tanh approximation of GELU (Keras's approximate=true). */
export const geluApproximate: Activation = (x) =>
  tf.mul(tf.mul(x, 0.5), tf.add(1, tf.tanh(tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.pow(x, 3)))))));
/** `exp(x)`. */
export const exponential: Activation = (x) => tf.exp(x);
/** `x · tanh(softplus(x))`. */
export const mish: Activation = (x) => tf.mul(x, tf.tanh(tf.softplus(x)));

/**
 * Keras's `relu` with its options: `max_value` caps, `negative_slope` leaks below `threshold`.
 *
 * @throws Error for a negative maxValue or negativeSlope
 */
export function reluWith(options: { negativeSlope?: number; maxValue?: number | null; threshold?: number }): Activation {
  const { negativeSlope = 0, maxValue = null, threshold = 0 } = options;
  if (negativeSlope < 0) throw new Error(`Expected negativeSlope ≥ 0 in relu, received ${negativeSlope}`);
  if (maxValue !== null && maxValue < 0) throw new Error(`Expected maxValue ≥ 0 in relu, received ${maxValue}`);
  return (x) => {
    const above = tf.greaterEqual(x, threshold);
    const below = negativeSlope === 0 ? tf.zerosLike(x) : tf.mul(negativeSlope, tf.sub(x, threshold));
    const y = tf.where(above, x, below);
    return maxValue === null ? y : tf.minimum(y, maxValue);
  };
}
