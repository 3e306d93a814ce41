import { tf } from '@dendrite/backend';
import { optionKeys, checkNumber, inInterval } from '@dendrite/backend/internal';
import { alignShapes, checkTensor, looksSparse } from '../utils/shapes';
import { withKerasName } from '../utils/keras-name';
import { EPSILON } from './epsilon';
import type { LossArgs } from './loss';
import { CROSSENTROPY_OPTION_KEYS, type CrossentropyOptions, CrossentropyLoss } from './crossentropy-loss';
import { checkFunctionOptions } from '../utils/function-options';
import { softmaxCrossentropy, takesSoftmaxCrossentropy } from './softmax-crossentropy';
import { fromLogitsOfSoftmaxOutput } from './softmax-logits-from-logits';

/**
 * Categorical crossentropy summed over `axis`, Keras's `categorical_crossentropy`:
 * `−Σ y·log ŷ`. From logits it goes through `tf.logSoftmax` (log-sum-exp, finite for any logit);
 * from probabilities each row is renormalized to sum to 1 and clipped to `[ε, 1 − ε]`, as Keras.
 * Label smoothing spreads `s` over the `C` classes: `y·(1 − s) + s/C`.
 *
 * A softmax layer's output starts from the softmax's logits, as Keras's TensorFlow backend does
 * with `_keras_logits` (unclipped; with `fromLogits: true` as well, which warns once, as Keras),
 * whenever the output was computed inside a scope that frees the logits after the loss: the steps
 * of `fit`, `evaluate`, `trainOnBatch` and `testOnBatch` (which say so, `withSoftmaxLogits`), and a
 * user's `tf.tidy`, `tf.variableGrads` or `optimizer.minimize` (`insideTidy`). An output of a
 * top-level `apply` has no such scope, so its logits are already disposed (Keras would still use
 * them): it is treated as plain probabilities, renormalized and clipped — the same loss up to
 * rounding unless a probability falls outside `[ε, 1 − ε]`.
 *
 * @param yTrue one-hot (or soft) targets, the shape of `yPred`
 * @param yPred probabilities, or logits with `fromLogits`
 * @param options `fromLogits` (false), `labelSmoothing` (0), `axis` (−1)
 * @returns one value per sample (`axis` reduced)
 * @throws Error when the shapes differ (integer labels want {@link sparseCategoricalCrossentropy}) or
 *   `labelSmoothing` is outside [0, 1]
 * @example
 * ```ts
 * categoricalCrossentropy(tf.tensor2d([[0, 1, 0]]), tf.tensor2d([[0.1, 0.8, 0.1]])); // [−log 0.8]
 * ```
 */
export const categoricalCrossentropy = withKerasName(function categoricalCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor, options: CrossentropyOptions = {}): tf.Tensor {
  checkFunctionOptions(yTrue, options, CROSSENTROPY_OPTION_KEYS, 'categoricalCrossentropy', 'CategoricalCrossentropy');
  const owner = 'loss "categorical_crossentropy"';
  const smoothing = checkNumber(options.labelSmoothing ?? 0, 'labelSmoothing', owner, inInterval(0, 1));
  const axis = options.axis ?? -1;
  return tf.tidy(() => {
    checkTensor(yTrue, 'yTrue', owner);
    checkTensor(yPred, 'yPred', owner);
    const hint = looksSparse(yTrue, yPred) ? 'integer class labels go with sparse_categorical_crossentropy' : undefined;
    let [t, p] = alignShapes(yTrue, yPred, owner, { broadcast: false, hint });
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a smoothing of 0 makes t·1 + 0, the same targets
    if (smoothing > 0) {
      // Classes are counted along `axis`; Keras counts the last axis whatever `axis` is (the same by default).
      const classes = p.shape[axis < 0 ? p.rank + axis : axis];
      t = tf.add(tf.mul(t, 1 - smoothing), smoothing / classes);
    }
    const lastAxis = axis === -1 || axis === p.rank - 1;
    // fromLogits on a softmax output: its logits, not a second softmax (Keras's _get_logits).
    if (options.fromLogits && p === yPred) p = fromLogitsOfSoftmaxOutput(p, 'categorical_crossentropy') ?? p;
    // A softmax output: the same loss and gradient in a few kernels.
    if (!options.fromLogits && lastAxis && p === yPred && takesSoftmaxCrossentropy(t, p)) return softmaxCrossentropy(t, p);
    // tf.logSoftmax takes only the last axis; x − logSumExp(x) is the same, stable, anywhere.
    const logProbabilities = options.fromLogits
      ? lastAxis
        ? tf.logSoftmax(p, -1)
        : tf.sub(p, tf.logSumExp(p, axis, true))
      : tf.log(tf.clipByValue(tf.div(p, tf.sum(p, axis, true)), EPSILON, 1 - EPSILON));
    return tf.neg(tf.sum(tf.mul(t, logProbabilities), axis));
  });
}, 'categorical_crossentropy');

/**
 * Categorical crossentropy as a loss object (Keras `CategoricalCrossentropy`).
 *
 * @example
 * ```ts
 * new CategoricalCrossentropy({ fromLogits: true }).apply(oneHotLabels, logits);
 * ```
 */
export class CategoricalCrossentropy extends CrossentropyLoss {
  static override className = 'CategoricalCrossentropy';
  static override readonly optionKeys = optionKeys<LossArgs & CrossentropyOptions, LossArgs & CrossentropyOptions>({});

  /**
   * @param args `fromLogits` (false), `labelSmoothing` (0), `axis` (−1), `reduction`, `name`
   * @throws Error when `labelSmoothing` is outside [0, 1]
   */
  constructor(args: LossArgs & CrossentropyOptions = {}) {
    super(args, 'categorical_crossentropy');
  }

  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return categoricalCrossentropy(yTrue, yPred, this.functionOptions);
  }
}
