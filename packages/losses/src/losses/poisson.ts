import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { alignShapes } from '../utils/shapes';
import { withKerasName } from '../utils/keras-name';
import { EPSILON } from './epsilon';
import { type LossArgs, LossFunctionWrapper } from './loss';

/**
 * Poisson loss over the last axis, Keras's `poisson`: `mean(ŷ − y·log(ŷ + ε))`, for count
 * targets and positive rate predictions.
 *
 * @param yTrue counts
 * @param yPred predicted rates of the same shape (axes of size 1 broadcast)
 * @returns one value per sample
 * @throws Error when the shapes are not compatible
 * @example
 * ```ts
 * poisson(tf.tensor2d([[2]]), tf.tensor2d([[1]])); // [1 − 2·log(1 + 1e-7)] ≈ [1]
 * ```
 */
export const poisson = withKerasName(function poisson(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [t, p] = alignShapes(yTrue, yPred, 'loss "poisson"');
    return tf.mean(tf.sub(p, tf.mul(t, tf.log(tf.add(p, EPSILON)))), -1);
  });
}, 'poisson');

/**
 * The Poisson loss as a loss object (Keras `Poisson`).
 *
 * @example
 * ```ts
 * new Poisson().apply(counts, rates);
 * ```
 */
export class Poisson extends LossFunctionWrapper {
  static override className = 'Poisson';
  static override readonly optionKeys = optionKeys<LossArgs, LossArgs>({});
  /** @param args `reduction` and `name` */
  constructor(args: LossArgs = {}) {
    super(poisson, args, 'poisson');
  }
}
