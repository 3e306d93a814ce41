import { tf } from '@dendrite/backend';
import { describeValue, optionKeys, checkNumber, inInterval } from '@dendrite/backend/internal';
import { alignShapes, checkTensor } from '../utils/shapes';
import { withKerasName } from '../utils/keras-name';
import { checkFunctionOptions } from '../utils/function-options';
import { EPSILON } from './epsilon';
import type { LossArgs } from './loss';
import { CROSSENTROPY_OPTION_KEYS, type CrossentropyOptions, CrossentropyLoss } from './crossentropy-loss';

/** Options of {@link categoricalFocalCrossentropy}: the crossentropy's, the focusing and the class weights. */
export interface CategoricalFocalCrossentropyOptions extends CrossentropyOptions {
  /** A weight for every class, or one per class along the last axis (0.25, as the focal loss paper). */
  alpha?: number | number[];
  /** ≥ 0: how strongly easy examples are down-weighted; 0 is the crossentropy times `alpha` (2). */
  gamma?: number;
}

const FOCAL_KEYS = optionKeys<CategoricalFocalCrossentropyOptions, CrossentropyOptions>({ alpha: true, gamma: true });

/** The option keys of {@link categoricalFocalCrossentropy}. */
export const CATEGORICAL_FOCAL_OPTION_KEYS = [...CROSSENTROPY_OPTION_KEYS, ...FOCAL_KEYS];

function checkAlpha(alpha: unknown, owner: string): number | number[] {
  const valid = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
  if (valid(alpha) || (Array.isArray(alpha) && alpha.length > 0 && alpha.every(valid))) return alpha as number | number[];
  throw new TypeError(`Expected alpha to be a finite number or an array of them (one per class), received ${describeValue(alpha)} in ${owner}`);
}

/**
 * Categorical focal crossentropy summed over `axis`, Keras 3's `categorical_focal_crossentropy`:
 * each row renormalized to sum to 1 and clipped to `[ε, 1 − ε]`, then `−Σ α·(1 − p)^γ·y·log p`.
 * Logits go through a softmax first; label smoothing spreads `s` over the `C` classes
 * (`y·(1 − s) + s/C`).
 *
 * @param yTrue one-hot (or soft) targets, the shape of `yPred`
 * @param yPred probabilities, or logits with `fromLogits`
 * @param options `alpha` (0.25, or one per class), `gamma` (2), `fromLogits` (false), `labelSmoothing` (0), `axis` (−1)
 * @returns one value per sample (`axis` reduced)
 * @throws TypeError for an unknown option or an `alpha` that is not numbers; Error naming the argument for
 *   `labelSmoothing` outside [0, 1], a negative `gamma` or differing shapes
 * @example
 * ```ts
 * categoricalFocalCrossentropy(tf.tensor2d([[0, 1, 0], [0, 0, 1]]), tf.tensor2d([[0.05, 0.9, 0.05], [0.1, 0.85, 0.05]]));
 * // [2.634e-4, 0.6759], as Keras's docstring
 * ```
 */
export const categoricalFocalCrossentropy = withKerasName(function categoricalFocalCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor, options: CategoricalFocalCrossentropyOptions = {}): tf.Tensor {
  checkFunctionOptions(yTrue, options, CATEGORICAL_FOCAL_OPTION_KEYS, 'categoricalFocalCrossentropy', 'CategoricalFocalCrossentropy');
  const owner = 'loss "categorical_focal_crossentropy"';
  const smoothing = checkNumber(options.labelSmoothing ?? 0, 'labelSmoothing', owner, inInterval(0, 1));
  const gamma = checkNumber(options.gamma ?? 2, 'gamma', owner, inInterval(0, Number.POSITIVE_INFINITY));
  const alpha = checkAlpha(options.alpha ?? 0.25, owner);
  const axis = options.axis ?? -1;
  return tf.tidy(() => {
    checkTensor(yTrue, 'yTrue', owner);
    checkTensor(yPred, 'yPred', owner);
    let [t, p] = alignShapes(yTrue, yPred, owner, { broadcast: false });
    // No smoothing, no kernels (t·1 + 0 would give the same targets in two more per step).
    if (smoothing > 0) t = tf.add(tf.mul(t, 1 - smoothing), smoothing / p.shape[p.rank - 1]);
    if (options.fromLogits) p = axis === -1 || axis === p.rank - 1 ? tf.softmax(p) : tf.exp(tf.sub(p, tf.logSumExp(p, axis, true)));
    const output = tf.clipByValue(tf.div(p, tf.sum(p, axis, true)), EPSILON, 1 - EPSILON);
    const crossentropy = tf.neg(tf.mul(t, tf.log(output)));
    const weighting = tf.mul(tf.pow(tf.sub(1, output), gamma), typeof alpha === 'number' ? alpha : tf.tensor1d(alpha));
    return tf.sum(tf.mul(weighting, crossentropy), axis);
  });
}, 'categorical_focal_crossentropy');

/**
 * Categorical focal crossentropy as a loss object (Keras `CategoricalFocalCrossentropy`).
 *
 * @example
 * ```ts
 * new CategoricalFocalCrossentropy({ alpha: [0.25, 0.5, 0.25], gamma: 3 }).apply(oneHotLabels, probabilities);
 * ```
 */
export class CategoricalFocalCrossentropy extends CrossentropyLoss {
  static override className = 'CategoricalFocalCrossentropy';
  static override readonly optionKeys = FOCAL_KEYS;
  readonly alpha: number | number[];
  readonly gamma: number;

  /**
   * @param args `alpha` (0.25), `gamma` (2), `fromLogits`, `labelSmoothing`, `axis`, `reduction`, `name`
   * @throws TypeError for an unknown option or an `alpha` that is not numbers; Error for a negative `gamma`
   */
  constructor(args: LossArgs & CategoricalFocalCrossentropyOptions = {}) {
    super(args, 'categorical_focal_crossentropy');
    this.alpha = checkAlpha(args.alpha ?? 0.25, this.owner);
    this.gamma = checkNumber(args.gamma ?? 2, 'gamma', this.owner, inInterval(0, Number.POSITIVE_INFINITY));
  }

  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return categoricalFocalCrossentropy(yTrue, yPred, { ...this.functionOptions, alpha: this.alpha, gamma: this.gamma });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), alpha: this.alpha, gamma: this.gamma };
  }
}
