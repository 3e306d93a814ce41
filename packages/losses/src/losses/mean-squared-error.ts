import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { alignShapes } from '../utils/shapes';
import { withKerasName } from '../utils/keras-name';
import { type LossArgs, LossFunctionWrapper } from './loss';

/**
 * Mean squared error over the last axis, Keras's `mean_squared_error`: `mean((y − ŷ)²)`.
 * (`fn.name` is the Keras name, `mean_squared_error`, so `compile` logs it as Keras does.)
 *
 * @param yTrue targets, `[batch, …, d]` (or `[batch]` against `[batch, 1]`)
 * @param yPred predictions of the same shape (axes of size 1 broadcast)
 * @returns one value per sample, `[batch, …]`
 * @throws Error when the shapes are not compatible
 * @example
 * ```ts
 * meanSquaredError(tf.tensor2d([[0, 1]]), tf.tensor2d([[1, 1]])); // [0.5]
 * ```
 */
export const meanSquaredError = withKerasName(function meanSquaredError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [t, p] = alignShapes(yTrue, yPred, 'loss "mean_squared_error"');
    return tf.mean(tf.squaredDifference(t, p), -1);
  });
}, 'mean_squared_error');

/**
 * The mean squared error as a loss object (Keras `MeanSquaredError`, name `mean_squared_error`).
 *
 * @example
 * ```ts
 * new MeanSquaredError().apply(tf.tensor2d([[1], [2]]), tf.tensor2d([[2], [2]])); // 0.5
 * ```
 */
export class MeanSquaredError extends LossFunctionWrapper {
  static override className = 'MeanSquaredError';
  static override readonly optionKeys = optionKeys<LossArgs, LossArgs>({});
  /** @param args `reduction` and `name` */
  constructor(args: LossArgs = {}) {
    super(meanSquaredError, args, 'mean_squared_error');
  }
}
