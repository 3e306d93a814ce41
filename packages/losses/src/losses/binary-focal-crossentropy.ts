import { tf } from '@dendrite/backend';
import { optionKeys, checkNumber, inInterval } from '@dendrite/backend/internal';
import { alignShapes } from '../utils/shapes';
import { withKerasName } from '../utils/keras-name';
import { checkFunctionOptions } from '../utils/function-options';
import { EPSILON } from './epsilon';
import type { LossArgs } from './loss';
import { CROSSENTROPY_OPTION_KEYS, type CrossentropyOptions, CrossentropyLoss } from './crossentropy-loss';

/** Options of {@link binaryFocalCrossentropy}: the crossentropy's, the focusing and the class balance. */
export interface BinaryFocalCrossentropyOptions extends CrossentropyOptions {
  /** Weigh class 1 by `alpha` and class 0 by `1 − alpha` (false). */
  applyClassBalancing?: boolean;
  /** In [0, 1]: the weight of class 1 when balancing (0.25, as the focal loss paper). */
  alpha?: number;
  /** ≥ 0: how strongly easy examples are down-weighted; 0 is plain binary crossentropy (2). */
  gamma?: number;
}

/** The keys focal options add to the crossentropy's. */
const FOCAL_KEYS = optionKeys<BinaryFocalCrossentropyOptions, CrossentropyOptions>({ applyClassBalancing: true, alpha: true, gamma: true });

/** The option keys of {@link binaryFocalCrossentropy}. */
export const BINARY_FOCAL_OPTION_KEYS = [...CROSSENTROPY_OPTION_KEYS, ...FOCAL_KEYS];

/** The checked focal options, as the function and the class share them. */
function focalOptions(options: BinaryFocalCrossentropyOptions, owner: string): Required<Omit<BinaryFocalCrossentropyOptions, 'axis'>> & { axis: number } {
  return {
    fromLogits: options.fromLogits ?? false,
    labelSmoothing: checkNumber(options.labelSmoothing ?? 0, 'labelSmoothing', owner, inInterval(0, 1)),
    axis: options.axis ?? -1,
    applyClassBalancing: options.applyClassBalancing ?? false,
    alpha: checkNumber(options.alpha ?? 0.25, 'alpha', owner, inInterval(0, 1)),
    gamma: checkNumber(options.gamma ?? 2, 'gamma', owner, inInterval(0, Number.POSITIVE_INFINITY)),
  };
}

/**
 * Binary focal crossentropy averaged over `axis`, Keras 3's `binary_focal_crossentropy` (Lin et
 * al., 2018): the binary crossentropy of each entry (probabilities clipped to `[ε, 1 − ε]`) times
 * the focal factor `(1 − p_t)^γ`, where `p_t = y·p + (1 − y)·(1 − p)` is the probability given to
 * the target; with `applyClassBalancing`, also times `α` for class 1 and `1 − α` for class 0.
 * Logits go through a sigmoid first; label smoothing pulls targets to `y·(1 − s) + s/2`.
 *
 * @param yTrue targets in [0, 1], the shape of `yPred`
 * @param yPred probabilities, or logits with `fromLogits`
 * @param options `applyClassBalancing` (false), `alpha` (0.25), `gamma` (2), `fromLogits` (false), `labelSmoothing` (0), `axis` (−1)
 * @returns one value per sample (`axis` reduced)
 * @throws TypeError for an unknown option; Error naming the argument for `alpha` or `labelSmoothing` outside [0, 1] or a negative `gamma`
 * @example
 * ```ts
 * binaryFocalCrossentropy(tf.tensor2d([[0, 1], [0, 0]]), tf.tensor2d([[0.6, 0.4], [0.4, 0.6]])); // [0.330, 0.206], as Keras's docstring
 * ```
 */
export const binaryFocalCrossentropy = withKerasName(function binaryFocalCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor, options: BinaryFocalCrossentropyOptions = {}): tf.Tensor {
  checkFunctionOptions(yTrue, options, BINARY_FOCAL_OPTION_KEYS, 'binaryFocalCrossentropy', 'BinaryFocalCrossentropy');
  const { fromLogits, labelSmoothing, axis, applyClassBalancing, alpha, gamma } = focalOptions(options, 'loss "binary_focal_crossentropy"');
  return tf.tidy(() => {
    let [t, p] = alignShapes(yTrue, yPred, 'loss "binary_focal_crossentropy"', { broadcast: false });
    // No smoothing, no kernels (t·1 + 0 would give the same targets in two more per step).
    if (labelSmoothing > 0) t = tf.add(tf.mul(t, 1 - labelSmoothing), 0.5 * labelSmoothing);
    if (fromLogits) p = tf.sigmoid(p);
    const clipped = tf.clipByValue(p, EPSILON, 1 - EPSILON);
    const crossentropy = tf.neg(tf.add(tf.mul(t, tf.log(clipped)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, clipped)))));
    // Keras takes p_t from the unclipped probabilities.
    const targetProbability = tf.add(tf.mul(t, p), tf.mul(tf.sub(1, t), tf.sub(1, p)));
    let focal = tf.mul(tf.pow(tf.sub(1, targetProbability), gamma), crossentropy);
    if (applyClassBalancing) focal = tf.mul(tf.add(tf.mul(t, alpha), tf.mul(tf.sub(1, t), 1 - alpha)), focal);
    return tf.mean(focal, axis);
  });
}, 'binary_focal_crossentropy');

/**
 * Binary focal crossentropy as a loss object (Keras `BinaryFocalCrossentropy`).
 *
 * @example
 * ```ts
 * const loss = new BinaryFocalCrossentropy({ applyClassBalancing: true, gamma: 3 });
 * loss.apply(labels, probabilities);
 * ```
 */
export class BinaryFocalCrossentropy extends CrossentropyLoss {
  static override className = 'BinaryFocalCrossentropy';
  static override readonly optionKeys = FOCAL_KEYS;
  readonly applyClassBalancing: boolean;
  readonly alpha: number;
  readonly gamma: number;

  /**
   * @param args `applyClassBalancing` (false), `alpha` (0.25), `gamma` (2), `fromLogits`, `labelSmoothing`, `axis`, `reduction`, `name`
   * @throws TypeError for an unknown option; Error naming the argument for `alpha` or `labelSmoothing` outside [0, 1] or a negative `gamma`
   */
  constructor(args: LossArgs & BinaryFocalCrossentropyOptions = {}) {
    super(args, 'binary_focal_crossentropy');
    const checked = focalOptions(args, this.owner);
    this.applyClassBalancing = checked.applyClassBalancing;
    this.alpha = checked.alpha;
    this.gamma = checked.gamma;
  }

  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return binaryFocalCrossentropy(yTrue, yPred, { ...this.functionOptions, applyClassBalancing: this.applyClassBalancing, alpha: this.alpha, gamma: this.gamma });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), apply_class_balancing: this.applyClassBalancing, alpha: this.alpha, gamma: this.gamma };
  }
}
