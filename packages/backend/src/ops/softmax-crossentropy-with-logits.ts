import * as tf from '@tensorflow/tfjs-core';
import { expectedMessage } from '../internal/errors/argument-checks';

/**
 * The name of Dendrite's fused softmax crossentropy kernel (registered on wasm; op by op
 * elsewhere): inputs `logits` and `targets` (`[rows, classes]`, float32), outputs the loss per row
 * and its gradient with respect to the logits.
 */
export const SOFTMAX_CROSSENTROPY = 'DendriteSoftmaxCrossentropy';

/** The loss per row and `∂loss/∂logits`, op by op (backends without the fused kernel). */
function unfused(targets: tf.Tensor, logits: tf.Tensor): [tf.Tensor, tf.Tensor] {
  const logProbabilities = tf.logSoftmax(logits, -1);
  const loss = tf.neg(tf.sum(tf.mul(targets, logProbabilities), -1));
  const gradient = tf.sub(tf.mul(tf.exp(logProbabilities), tf.sum(targets, -1, true)), targets);
  return [loss, gradient];
}

const OWNER = 'softmaxCrossentropyWithLogits';

/**
 * Refuses what the kernel would misread (labels `[N]` read past their end as if shaped like the
 * logits): a non-tensor or non-float32 argument (`TypeError`), logits of rank 0 or targets of
 * another shape (`RangeError`).
 */
function checkInputs(targets: unknown, logits: unknown): void {
  const isTensor = (value: unknown): value is tf.Tensor => value instanceof Object && Array.isArray((value as tf.Tensor).shape) && typeof (value as tf.Tensor).dtype === 'string';
  if (!isTensor(logits) || logits.dtype !== 'float32') throw new TypeError(expectedMessage('logits', 'a float32 tensor', logits, OWNER));
  if (logits.rank === 0) throw new RangeError(expectedMessage('logits', 'a float32 tensor of rank ≥ 1 (classes on the last axis)', logits, OWNER));
  const expected = `a float32 tensor of shape [${logits.shape.join(',')}] (the shape of logits)`;
  if (!isTensor(targets) || targets.dtype !== 'float32') throw new TypeError(expectedMessage('targets', expected, targets, OWNER));
  if (!tf.util.arraysEqual(targets.shape, logits.shape)) throw new RangeError(expectedMessage('targets', expected, targets, OWNER));
}

/**
 * TensorFlow's `softmax_cross_entropy_with_logits` over the last axis, which Keras's TensorFlow
 * backend computes when a crossentropy's prediction came out of a softmax (`_keras_logits`):
 * `Σ t·logSumExp(z) − Σ t·z` per row, finite for any finite logits, with the gradient
 * `(Σ t)·softmax(z) − t` (times the row's upstream gradient) made in the same pass. On wasm both
 * come out of one kernel and the backward pass is one multiply; elsewhere they are made op by op.
 * No gradient flows to `targets`, as in Keras (labels are constants).
 *
 * @param targets one-hot or soft targets, float32, the shape of `logits`
 * @param logits float32 logits, classes on the last axis
 * @returns the loss per row (the last axis reduced)
 * @throws TypeError when either is not a float32 tensor
 * @throws RangeError when `logits` is a scalar or `targets` has another shape
 * @example
 * ```ts
 * softmaxCrossentropyWithLogits(tf.tensor2d([[0, 1]]), tf.tensor2d([[0, 0]])); // [log 2]
 * ```
 */
export function softmaxCrossentropyWithLogits(targets: tf.Tensor, logits: tf.Tensor): tf.Tensor {
  checkInputs(targets, logits);
  // customGrad's type spreads its inputs and the save function into one rest parameter.
  const crossentropy = tf.customGrad(((z: tf.Tensor, save: tf.GradSaveFunc) => {
    const fused = tf.getKernel(SOFTMAX_CROSSENTROPY, tf.getBackend()) != null;
    const [loss, gradient] = fused
      ? (tf.engine().runKernel(SOFTMAX_CROSSENTROPY, { logits: z, targets }, {}) as unknown as [tf.Tensor, tf.Tensor])
      : unfused(targets, z);
    save([gradient]);
    return {
      value: loss,
      gradFunc: (dy: tf.Tensor, [dLogits]: tf.Tensor[]) => tf.mul(dLogits, tf.expandDims(dy, -1)),
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return crossentropy(logits) as tf.Tensor;
}
