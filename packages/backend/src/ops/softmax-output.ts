import type * as tf from '@tensorflow/tfjs-core';

const softmaxOutputs = new WeakSet<tf.Tensor>();

/**
 * Records that `probabilities` came out of a softmax over its last axis (so each row sums to 1 up
 * to rounding), as Keras marks a softmax output with `_keras_logits`: a crossentropy on it may
 * then skip the renormalization and let the softmax's own gradient do the rest (see
 * `softmaxCrossentropy` in `@dendrite/losses`). Only the tensor object is marked; nothing is kept
 * alive.
 *
 * @param probabilities a softmax output
 * @example
 * ```ts
 * const probabilities = markSoftmaxOutput(tf.softmax(logits));
 * ```
 */
export function markSoftmaxOutput<T extends tf.Tensor>(probabilities: T): T {
  softmaxOutputs.add(probabilities);
  return probabilities;
}

/**
 * Whether {@link markSoftmaxOutput} marked `tensor`.
 *
 * @example
 * ```ts
 * if (isSoftmaxOutput(yPred)) { ... }
 * ```
 */
export function isSoftmaxOutput(tensor: tf.Tensor): boolean {
  return softmaxOutputs.has(tensor);
}
