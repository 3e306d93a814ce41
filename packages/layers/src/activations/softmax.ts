import { tf } from '@dendrite/backend';
import { markSoftmaxOutput } from '@dendrite/backend/internal';
import { resolveAxes } from './resolve-axes';

/**
 * Softmax (Keras `softmax`): `exp(x) / sum(exp(x))` along `axis` (the last by default), computed
 * stably. tfjs's kernel runs for the last axis; other axes go through `logSumExp`.
 *
 * @param x a float tensor of rank ≥ 1
 * @param options `axis`: one axis or several, −1 by default
 * @returns probabilities summing to 1 along `axis`
 * @throws Error when an axis is outside [−rank, rank)
 * @example
 * ```ts
 * softmax(tf.tensor2d([[1, 1], [0, 1000]])); // [[0.5, 0.5], [0, 1]]
 * softmax(tf.tensor2d([[1, 1], [1, 1]]), { axis: 0 }); // [[0.5, 0.5], [0.5, 0.5]]
 * ```
 */
export function softmax(x: tf.Tensor, options: { axis?: number | number[] } = {}): tf.Tensor {
  const axes = resolveAxes(options.axis ?? -1, x.rank, 'softmax');
  // Marked with its logits as Keras keeps `_keras_logits`: a crossentropy on these probabilities
  // starts from the logits (any layer with a softmax activation, the Softmax layer included).
  if (axes.length === 1 && axes[0] === x.rank - 1) return markSoftmaxOutput(tf.softmax(x), x);
  return tf.tidy(() => tf.exp(tf.sub(x, tf.logSumExp(x, axes, true))));
}
