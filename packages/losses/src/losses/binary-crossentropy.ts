import { tf } from '@dendrite/backend';
import { optionKeys, checkNumber, inInterval } from '@dendrite/backend/internal';
import { alignShapes } from '../utils/shapes';
import { withKerasName } from '../utils/keras-name';
import { EPSILON } from './epsilon';
import type { LossArgs } from './loss';
import { CROSSENTROPY_OPTION_KEYS, type CrossentropyOptions, CrossentropyLoss } from './crossentropy-loss';
import { checkFunctionOptions } from '../utils/function-options';

export type { CrossentropyOptions } from './crossentropy-loss';

/**
 * Binary crossentropy averaged over `axis`, Keras's `binary_crossentropy`. From logits it uses
 * the stable `max(x, 0) − x·z + log(1 + e^(−|x|))`, finite for any logit; from probabilities it
 * clips them to `[ε, 1 − ε]` (ε = 1e-7) as Keras does, so probabilities of exactly 0 and 1 give
 * finite losses. Label smoothing pulls targets to `z·(1 − s) + s/2`.
 *
 * @param yTrue targets in [0, 1], the shape of `yPred`
 * @param yPred probabilities, or logits with `fromLogits`
 * @param options `fromLogits` (false), `labelSmoothing` (0), `axis` (−1)
 * @returns one value per sample (`axis` reduced)
 * @throws Error when the shapes differ or `labelSmoothing` is outside [0, 1]
 * @example
 * ```ts
 * binaryCrossentropy(tf.tensor2d([[1], [0]]), tf.tensor2d([[0.8], [0.4]])); // [−log 0.8, −log 0.6]
 * binaryCrossentropy(tf.tensor2d([[1]]), tf.tensor2d([[2]]), { fromLogits: true }); // [log(1 + e^−2)]
 * ```
 */
export const binaryCrossentropy = withKerasName(function binaryCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor, options: CrossentropyOptions = {}): tf.Tensor {
  checkFunctionOptions(yTrue, options, CROSSENTROPY_OPTION_KEYS, 'binaryCrossentropy', 'BinaryCrossentropy');
  const owner = 'loss "binary_crossentropy"';
  const smoothing = checkNumber(options.labelSmoothing ?? 0, 'labelSmoothing', owner, inInterval(0, 1));
  return tf.tidy(() => {
    let [t, p] = alignShapes(yTrue, yPred, owner, { broadcast: false });
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a smoothing of 0 makes t·1 + 0, the same targets
    if (smoothing > 0) t = tf.add(tf.mul(t, 1 - smoothing), 0.5 * smoothing);
    let perEntry: tf.Tensor;
    if (options.fromLogits) {
      perEntry = tf.add(tf.sub(tf.relu(p), tf.mul(p, t)), tf.log1p(tf.exp(tf.neg(tf.abs(p)))));
    } else {
      p = tf.clipByValue(p, EPSILON, 1 - EPSILON);
      perEntry = tf.neg(tf.add(tf.mul(t, tf.log(p)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, p)))));
    }
    return tf.mean(perEntry, options.axis ?? -1);
  });
}, 'binary_crossentropy');

/**
 * Binary crossentropy as a loss object (Keras `BinaryCrossentropy`).
 *
 * @example
 * ```ts
 * const loss = new BinaryCrossentropy({ fromLogits: true, labelSmoothing: 0.1 });
 * loss.apply(tf.tensor2d([[1], [0]]), logits);
 * ```
 */
export class BinaryCrossentropy extends CrossentropyLoss {
  static override className = 'BinaryCrossentropy';
  static override readonly optionKeys = optionKeys<LossArgs & CrossentropyOptions, LossArgs & CrossentropyOptions>({});

  /**
   * @param args `fromLogits` (false), `labelSmoothing` (0), `axis` (−1), `reduction`, `name`
   * @throws Error when `labelSmoothing` is outside [0, 1]
   */
  constructor(args: LossArgs & CrossentropyOptions = {}) {
    super(args, 'binary_crossentropy');
  }

  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return binaryCrossentropy(yTrue, yPred, this.functionOptions);
  }
}
