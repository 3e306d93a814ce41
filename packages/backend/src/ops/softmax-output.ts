import type * as tf from '@tensorflow/tfjs-core';

const softmaxOutputs = new WeakMap<tf.Tensor, tf.Tensor | undefined>();

/**
 * Records that `probabilities` came out of a softmax over its last axis (so each row sums to 1 up
 * to rounding), as Keras marks a softmax output with `_keras_logits`: a crossentropy on it may
 * then skip the renormalization and let the softmax's own gradient do the rest (see
 * `softmaxCrossentropy` in `@dendrite/losses`). Only the tensor object is marked; nothing is kept
 * alive.
 *
 * @param probabilities a softmax output
 * @param logits the softmax's input, when known: a crossentropy then starts from it, as Keras's
 *   TensorFlow backend computes the loss from `output._keras_logits` (see {@link softmaxLogits})
 * @example
 * ```ts
 * const probabilities = markSoftmaxOutput(tf.softmax(logits), logits);
 * ```
 */
export function markSoftmaxOutput<T extends tf.Tensor>(probabilities: T, logits?: tf.Tensor): T {
  softmaxOutputs.set(probabilities, logits);
  return probabilities;
}

/**
 * The logits {@link markSoftmaxOutput} recorded for `probabilities`, while they are alive
 * (Keras's `output._keras_logits`); undefined for other tensors or once the logits are disposed.
 *
 * @example
 * ```ts
 * const logits = softmaxLogits(yPred); // the Dense layer's pre-activation, inside the same tidy
 * ```
 */
export function softmaxLogits(probabilities: tf.Tensor): tf.Tensor | undefined {
  const logits = softmaxOutputs.get(probabilities);
  return logits === undefined || logits.isDisposed ? undefined : logits;
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
