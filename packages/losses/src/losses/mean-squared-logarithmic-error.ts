import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { alignShapes } from '../utils/shapes';
import { withKerasName } from '../utils/keras-name';
import { EPSILON } from './epsilon';
import { type LossArgs, LossFunctionWrapper } from './loss';

/**
 * Mean squared logarithmic error over the last axis, Keras's `mean_squared_logarithmic_error`:
 * `mean((log(max(ŷ, ε) + 1) − log(max(y, ε) + 1))²)` — values below ε count as ε.
 *
 * @param yTrue targets
 * @param yPred predictions of the same shape (axes of size 1 broadcast)
 * @returns one value per sample
 * @throws Error when the shapes are not compatible
 * @example
 * ```ts
 * meanSquaredLogarithmicError(tf.tensor2d([[0, Math.E - 1]]), tf.tensor2d([[0, 0]])); // [0.5]
 * ```
 */
export const meanSquaredLogarithmicError = withKerasName(function meanSquaredLogarithmicError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [t, p] = alignShapes(yTrue, yPred, 'loss "mean_squared_logarithmic_error"');
    return tf.mean(tf.squaredDifference(tf.log1p(tf.maximum(p, EPSILON)), tf.log1p(tf.maximum(t, EPSILON))), -1);
  });
}, 'mean_squared_logarithmic_error');

/**
 * The mean squared logarithmic error as a loss object (Keras `MeanSquaredLogarithmicError`).
 *
 * @example
 * ```ts
 * new MeanSquaredLogarithmicError().apply(yTrue, yPred);
 * ```
 */
export class MeanSquaredLogarithmicError extends LossFunctionWrapper {
  static override className = 'MeanSquaredLogarithmicError';
  static override readonly optionKeys = optionKeys<LossArgs, LossArgs>({});
  /** @param args `reduction` and `name` */
  constructor(args: LossArgs = {}) {
    super(meanSquaredLogarithmicError, args, 'mean_squared_logarithmic_error');
  }
}
