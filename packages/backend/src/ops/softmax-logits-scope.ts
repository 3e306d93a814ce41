import * as tf from '@tensorflow/tfjs-core';
import { insideTidy } from './inside-tidy';

/** How many {@link withSoftmaxLogits} calls are running (they nest). */
let openScopes = 0;

/**
 * Runs `fn` in a `tf.tidy` inside which layers keep a softmax output's logits (Keras's
 * `_keras_logits`, see `softmaxLogits`) past their own scope, for a crossentropy to start from;
 * the tidy frees them with everything else `fn` does not return. The trainer's train and test
 * steps run in it, so that `fit`, `evaluate` and `trainOnBatch` train from the logits by saying so
 * rather than by {@link insideTidy}'s reading of tfjs's engine.
 *
 * @param fn the step: its result is returned, as `tf.tidy`'s
 * @example
 * ```ts
 * const loss = withSoftmaxLogits(() => tf.mean(categoricalCrossentropy(y, model.apply(x) as tf.Tensor)));
 * ```
 */
export function withSoftmaxLogits<T extends tf.TensorContainer>(fn: () => T): T {
  openScopes++;
  try {
    return tf.tidy(fn);
  } finally {
    openScopes--;
  }
}

/**
 * Whether a layer called now may let a softmax output's logits outlive its own scope: inside
 * {@link withSoftmaxLogits}, or inside any other `tf.tidy` or engine scope ({@link insideTidy}:
 * a user's `tf.tidy(() => loss(model.apply(x)))`, `tf.variableGrads`, `optimizer.minimize`),
 * which frees them. At the top level it is false: nothing would free the logits, so they go with
 * the layer's scope and a crossentropy reads the output as probabilities (renormalized, clipped).
 * A layer asks before it opens its own scope.
 *
 * @example
 * ```ts
 * const keepLogits = keepsSoftmaxLogits(); // then tf.tidy(() => … return the logits too if keepLogits)
 * ```
 */
export function keepsSoftmaxLogits(): boolean {
  return openScopes > 0 || insideTidy();
}
