import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { alignShapes } from '../utils/shapes';
import { withKerasName } from '../utils/keras-name';
import { EPSILON } from './epsilon';
import { type LossArgs, LossFunctionWrapper } from './loss';

/**
 * Kullback–Leibler divergence over the last axis, Keras's `kl_divergence`:
 * `Σ y·log(y / ŷ)` with both clipped to `[ε, 1]`.
 *
 * @param yTrue target distributions
 * @param yPred predicted distributions of the same shape
 * @returns one value per sample
 * @throws Error when the shapes differ
 * @example
 * ```ts
 * kullbackLeiblerDivergence(tf.tensor2d([[0.5, 0.5]]), tf.tensor2d([[0.25, 0.75]])); // [0.5·log 2 + 0.5·log(2/3)]
 * ```
 */
export const kullbackLeiblerDivergence = withKerasName(function kullbackLeiblerDivergence(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [t, p] = alignShapes(yTrue, yPred, 'loss "kl_divergence"', { broadcast: false });
    const target = tf.clipByValue(t, EPSILON, 1);
    const predicted = tf.clipByValue(p, EPSILON, 1);
    return tf.sum(tf.mul(target, tf.log(tf.div(target, predicted))), -1);
  });
}, 'kl_divergence');

/** {@link kullbackLeiblerDivergence} under Keras's short name. */
export const kld = kullbackLeiblerDivergence;
/** {@link kullbackLeiblerDivergence} under Keras 3's name. */
export const klDivergence = kullbackLeiblerDivergence;

/**
 * The Kullback–Leibler divergence as a loss object (Keras `KLDivergence`, name `kl_divergence`).
 *
 * @example
 * ```ts
 * new KLDivergence().apply(targetDistributions, predictedDistributions);
 * ```
 */
export class KLDivergence extends LossFunctionWrapper {
  static override className = 'KLDivergence';
  static override readonly optionKeys = optionKeys<LossArgs, LossArgs>({});
  /** @param args `reduction` and `name` */
  constructor(args: LossArgs = {}) {
    super(kullbackLeiblerDivergence, args, 'kl_divergence');
  }
}
