import { tf } from '@dendrite/backend';
import { isSoftmaxOutput, softmaxCrossentropyWithLogits, softmaxLogits } from '@dendrite/backend/internal';
import { EPSILON } from './epsilon';

/**
 * Whether {@link softmaxCrossentropy} may stand in for the op-by-op crossentropy of `yPred`: a
 * float32 softmax output (marked by `markSoftmaxOutput`, as Dense does) of the targets' shape.
 */
export function takesSoftmaxCrossentropy(targets: tf.Tensor, yPred: tf.Tensor): boolean {
  return isSoftmaxOutput(yPred) && yPred.dtype === 'float32' && targets.dtype === 'float32' && tf.util.arraysEqual(targets.shape, yPred.shape);
}

/**
 * Keras's categorical crossentropy on a softmax output `p` over the last axis. When the softmax's
 * logits are alive (a layer's softmax inside the training step or another scope, see
 * `keepsSoftmaxLogits`), the loss starts from them as
 * Keras's TensorFlow backend does with `output._keras_logits`: `softmaxCrossentropyWithLogits`,
 * one kernel forward and one multiply backward, unclipped (finite for any finite logits).
 * Otherwise `−Σ t·log(clip(p / Σp, ε, 1 − ε))`, for `p` whose rows sum to 1 up to rounding: the same value up to
 * float rounding without the renormalization, and the same gradient in one step,
 * `−t·m / p` (`m` marking the probabilities inside the clip bounds, where the clip passes the
 * gradient). The normalization's gradient only adds a constant per row, which the softmax's
 * gradient removes; the op-by-op loss ran some forty kernels through it, the clip and the log.
 *
 * @param targets one-hot or soft targets, float32, the shape of `probabilities`
 * @param probabilities a softmax output over the last axis
 * @returns one loss per sample (the last axis reduced)
 * @example
 * ```ts
 * const perSample = softmaxCrossentropy(oneHot, markSoftmaxOutput(tf.softmax(logits)));
 * ```
 */
export function softmaxCrossentropy(targets: tf.Tensor, probabilities: tf.Tensor): tf.Tensor {
  const logits = softmaxLogits(probabilities);
  if (logits !== undefined && logits.dtype === 'float32' && tf.util.arraysEqual(logits.shape, probabilities.shape)) {
    return softmaxCrossentropyWithLogits(targets, logits);
  }
  // customGrad's type spreads its inputs and the save function into one rest parameter.
  const crossentropy = tf.customGrad(((p: tf.Tensor, save: tf.GradSaveFunc) => {
    const clipped = tf.clipByValue(p, EPSILON, 1 - EPSILON);
    save([targets, clipped, tf.equal(clipped, p)]);
    return {
      value: tf.neg(tf.sum(tf.mul(targets, tf.log(clipped)), -1)),
      gradFunc: (dy: tf.Tensor, [t, clippedP, inside]: tf.Tensor[]) => {
        // Outside the bounds the gradient is 0; there the clipped value (≥ ε) keeps the division finite.
        const counted = tf.where(inside, t, tf.zerosLike(t));
        return tf.mul(tf.div(counted, clippedP), tf.neg(tf.expandDims(dy, -1)));
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return crossentropy(probabilities) as tf.Tensor;
}
