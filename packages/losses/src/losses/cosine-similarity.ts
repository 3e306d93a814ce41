import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { alignShapes } from '../utils/shapes';
import { withKerasName } from '../utils/keras-name';
import { checkFunctionOptions } from '../utils/function-options';
import { EPSILON } from './epsilon';
import { type LossArgs, Loss } from './loss';

/** Options of {@link cosineSimilarity}. */
export interface CosineSimilarityOptions {
  /** The feature axis; −1 by default. */
  axis?: number;
}

// Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys
const COSINE_OPTION_KEYS = optionKeys<CosineSimilarityOptions>({ axis: true });

/**
 * `x / ‖x‖` along `axis`, as Keras's `normalize`: `x · min(1/√Σx², 1/ε)`. Written as
 * `x · rsqrt(max(Σx², ε²))` — the same values — so a zero vector gets a finite gradient, not NaN.
 */
export function l2Normalize(x: tf.Tensor, axis: number): tf.Tensor {
  return tf.tidy(() => tf.mul(x, tf.rsqrt(tf.maximum(tf.sum(tf.square(x), axis, true), EPSILON * EPSILON))));
}

/**
 * The cosine similarity loss, Keras's `cosine_similarity`: `−Σ (y/‖y‖)·(ŷ/‖ŷ‖)` along `axis` —
 * −1 for vectors pointing the same way, 0 when orthogonal or when either is zero.
 *
 * @param yTrue target vectors
 * @param yPred predicted vectors of the same shape
 * @param options `axis` (−1)
 * @returns one value per sample
 * @throws Error when the shapes are not compatible
 * @example
 * ```ts
 * cosineSimilarity(tf.tensor2d([[0, 1], [1, 1]]), tf.tensor2d([[1, 0], [1, 1]])); // [0, −1]
 * ```
 */
export const cosineSimilarity = withKerasName(function cosineSimilarity(yTrue: tf.Tensor, yPred: tf.Tensor, options: CosineSimilarityOptions = {}): tf.Tensor {
  checkFunctionOptions(yTrue, options, COSINE_OPTION_KEYS, 'cosineSimilarity', 'CosineSimilarity');
  const axis = options.axis ?? -1;
  return tf.tidy(() => {
    const [t, p] = alignShapes(yTrue, yPred, 'loss "cosine_similarity"');
    return tf.neg(tf.sum(tf.mul(l2Normalize(t, axis), l2Normalize(p, axis)), axis));
  });
}, 'cosine_similarity');

/**
 * The cosine similarity loss as a loss object (Keras `CosineSimilarity`).
 *
 * @example
 * ```ts
 * new CosineSimilarity({ axis: 1 }).apply(targets, predictions);
 * ```
 */
export class CosineSimilarity extends Loss {
  static override className = 'CosineSimilarity';
  static override readonly optionKeys = COSINE_OPTION_KEYS;
  readonly axis: number;

  /** @param args `axis` (−1), `reduction`, `name` */
  constructor(args: LossArgs & CosineSimilarityOptions = {}) {
    super(args, 'cosine_similarity');
    this.axis = args.axis ?? -1;
  }

  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return cosineSimilarity(yTrue, yPred, { axis: this.axis });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: this.axis };
  }
}
