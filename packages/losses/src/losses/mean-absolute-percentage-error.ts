import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { alignShapes } from '../utils/shapes';
import { withKerasName } from '../utils/keras-name';
import { EPSILON } from './epsilon';
import { type LossArgs, LossFunctionWrapper } from './loss';

/**
 * Mean absolute percentage error over the last axis, Keras's `mean_absolute_percentage_error`:
 * `100 · mean(|y − ŷ| / max(|y|, ε))` — targets of 0 divide by ε rather than by zero.
 *
 * @param yTrue targets
 * @param yPred predictions of the same shape (axes of size 1 broadcast)
 * @returns one value per sample, in percent
 * @throws Error when the shapes are not compatible
 * @example
 * ```ts
 * meanAbsolutePercentageError(tf.tensor2d([[2, 4]]), tf.tensor2d([[1, 5]])); // [37.5]
 * ```
 */
export const meanAbsolutePercentageError = withKerasName(function meanAbsolutePercentageError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [t, p] = alignShapes(yTrue, yPred, 'loss "mean_absolute_percentage_error"');
    return tf.mul(100, tf.mean(tf.abs(tf.div(tf.sub(t, p), tf.maximum(tf.abs(t), EPSILON))), -1));
  });
}, 'mean_absolute_percentage_error');

/**
 * The mean absolute percentage error as a loss object (Keras `MeanAbsolutePercentageError`).
 *
 * @example
 * ```ts
 * new MeanAbsolutePercentageError().apply(yTrue, yPred);
 * ```
 */
export class MeanAbsolutePercentageError extends LossFunctionWrapper {
  static override className = 'MeanAbsolutePercentageError';
  static override readonly optionKeys = optionKeys<LossArgs, LossArgs>({});
  /** @param args `reduction` and `name` */
  constructor(args: LossArgs = {}) {
    super(meanAbsolutePercentageError, args, 'mean_absolute_percentage_error');
  }
}
