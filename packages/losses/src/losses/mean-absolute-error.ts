import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { alignShapes } from '../utils/shapes';
import { withKerasName } from '../utils/keras-name';
import { type LossArgs, LossFunctionWrapper } from './loss';

/**
 * Mean absolute error over the last axis, Keras's `mean_absolute_error`: `mean(|y − ŷ|)`.
 *
 * @param yTrue targets, `[batch, …, d]` (or `[batch]` against `[batch, 1]`)
 * @param yPred predictions of the same shape (axes of size 1 broadcast)
 * @returns one value per sample
 * @throws Error when the shapes are not compatible
 * @example
 * ```ts
 * meanAbsoluteError(tf.tensor2d([[0, 1]]), tf.tensor2d([[1, 3]])); // [1.5]
 * ```
 */
export const meanAbsoluteError = withKerasName(function meanAbsoluteError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [t, p] = alignShapes(yTrue, yPred, 'loss "mean_absolute_error"');
    return tf.mean(tf.abs(tf.sub(t, p)), -1);
  });
}, 'mean_absolute_error');

/**
 * The mean absolute error as a loss object (Keras `MeanAbsoluteError`).
 *
 * @example
 * ```ts
 * new MeanAbsoluteError({ reduction: 'sum' }).apply(yTrue, yPred);
 * ```
 */
export class MeanAbsoluteError extends LossFunctionWrapper {
  static override className = 'MeanAbsoluteError';
  static override readonly optionKeys = optionKeys<LossArgs, LossArgs>({});
  /** @param args `reduction` and `name` */
  constructor(args: LossArgs = {}) {
    super(meanAbsoluteError, args, 'mean_absolute_error');
  }
}
