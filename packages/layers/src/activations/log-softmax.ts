import { tf } from '@dendrite/backend';
import { resolveAxes } from './resolve-axes';

/**
 * Log-softmax (Keras `log_softmax`): `x − log(sum(exp(x)))` along `axis` (the last by default),
 * computed stably.
 *
 * @param x a float tensor of rank ≥ 1
 * @param options `axis`: one axis or several, −1 by default
 * @returns log-probabilities along `axis`
 * @throws Error when an axis is outside [−rank, rank)
 * @example
 * ```ts
 * logSoftmax(tf.tensor1d([0, 0])); // [-0.693…, -0.693…]
 * ```
 */
export function logSoftmax(x: tf.Tensor, options: { axis?: number | number[] } = {}): tf.Tensor {
  const axes = resolveAxes(options.axis ?? -1, x.rank, 'log_softmax');
  if (axes.length === 1 && axes[0] === x.rank - 1) return tf.logSoftmax(x);
  return tf.tidy(() => tf.sub(x, tf.logSumExp(x, axes, true)));
}
