import { tf } from '@dendrite/backend';
import { softmaxLogits } from '@dendrite/backend/internal';

/** The losses that have already warned, so that a training loop warns once, not once per step. */
const warned = new Set<string>();

/**
 * The logits behind a softmax output passed with `fromLogits: true`, as Keras's TensorFlow backend
 * does (Keras 2.x `keras/backend.py` and Keras 3's `_get_logits`): it takes `output._keras_logits`,
 * keeps `from_logits` true and warns that the softmax's output does not represent logits, instead
 * of applying a second softmax to the probabilities. Warns once per loss; undefined (no warning)
 * when `yPred` is not a softmax output whose logits are alive (see `softmaxLogits`).
 *
 * @param yPred what the crossentropy received as logits
 * @param lossName the Keras name of the loss, for the warning (`categorical_crossentropy`)
 * @returns the softmax's float32 logits of `yPred`'s shape, or undefined
 * @example
 * ```ts
 * const logits = fromLogitsOfSoftmaxOutput(yPred, 'categorical_crossentropy') ?? yPred;
 * ```
 */
export function fromLogitsOfSoftmaxOutput(yPred: tf.Tensor, lossName: string): tf.Tensor | undefined {
  const logits = softmaxLogits(yPred);
  if (logits === undefined || logits.dtype !== 'float32' || !tf.util.arraysEqual(logits.shape, yPred.shape)) return undefined;
  if (!warned.has(lossName)) {
    warned.add(lossName);
    console.warn(
      `\`${lossName}\` received \`fromLogits: true\`, but \`yPred\` was produced by a Softmax activation and thus does not represent logits. Was this intended? Its logits are used, as Keras does.`,
    );
  }
  return logits;
}
