import { tf } from '@dendrite/backend';
import { isSoftmaxOutput, optionKeys, describeValue, argumentError } from '@dendrite/backend/internal';
import { checkTensor } from '../utils/shapes';
import { withKerasName } from '../utils/keras-name';
import { checkFunctionOptions } from '../utils/function-options';
import { EPSILON } from './epsilon';
import { type LossArgs, Loss } from './loss';
import { softmaxCrossentropy } from './softmax-crossentropy';
import { fromLogitsOfSoftmaxOutput } from './softmax-logits-from-logits';

/** Options of {@link sparseCategoricalCrossentropy}. */
export interface SparseCrossentropyOptions {
  /** Whether `yPred` holds logits rather than probabilities; false by default. */
  fromLogits?: boolean;
  /** A label to leave out (Keras `ignore_class`, e.g. −1 or 255 for "void"): its loss is 0 and it is not counted. */
  ignoreClass?: number | null;
}

const OWNER = 'loss "sparse_categorical_crossentropy"';
// Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys
const SPARSE_OPTION_KEYS = optionKeys<SparseCrossentropyOptions>({ fromLogits: true, ignoreClass: true });

/** Integer labels as int32, shaped like `yPred` without its class axis (a trailing 1 dropped). */
export function sparseLabels(yTrue: tf.Tensor, yPred: tf.Tensor, owner: string): tf.Tensor {
  checkTensor(yTrue, 'yTrue', owner);
  checkTensor(yPred, 'yPred', owner);
  let labels = yTrue;
  if (labels.rank === yPred.rank && labels.shape[labels.rank - 1] === 1) labels = tf.squeeze(labels, [labels.rank - 1]);
  if (labels.rank !== yPred.rank - 1 || labels.shape.some((size, axis) => size !== yPred.shape[axis])) {
    const expected = yPred.shape.slice(0, -1);
    throw new Error(
      `Expected yTrue of shape [${expected.join(', ')}] or [${[...expected, 1].join(', ')}] (integer labels) to go with yPred of shape [${yPred.shape.join(', ')}], received [${yTrue.shape.join(', ')}] in ${owner}`,
    );
  }
  // int32 labels go as they are: a cast to the same dtype is still a kernel (Identity) per step.
  return labels.dtype === 'int32' ? labels : tf.cast(labels, 'int32');
}

function checkIgnoreClass(ignoreClass: unknown, owner: string): number | null {
  if (ignoreClass === undefined || ignoreClass === null) return null;
  // Number.isInteger is false for whatever is not a number.
  if (!Number.isInteger(ignoreClass)) {
    throw argumentError(ignoreClass, 'number', `Expected ignoreClass to be an integer or null, received ${describeValue(ignoreClass)} in ${owner}`);
  }
  return ignoreClass as number;
}

/**
 * Categorical crossentropy with integer labels, Keras's `sparse_categorical_crossentropy`:
 * `−log ŷ[label]`. From logits through `tf.logSoftmax`; from probabilities renormalized and
 * clipped to `[ε, 1 − ε]`, as Keras. Labels may be int32 or float32, of shape `[batch]` or
 * `[batch, 1]` (or `yPred`'s shape without the class axis). Labels outside `[0, classes)` give 0
 * (tfjs's `oneHot`), so check them once with `validateLabels(y, owner, { numClasses })`.
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
 * @param yTrue integer labels
 * @param yPred probabilities (or logits with `fromLogits`), classes on the last axis
 * @param options `fromLogits` (false), `ignoreClass` (none: its entries give 0)
 * @returns one value per sample
 * @throws Error when the label shape does not go with `yPred`, or `ignoreClass` is not an integer
 * @example
 * ```ts
 * sparseCategoricalCrossentropy(tf.tensor1d([1, 2], 'int32'), tf.tensor2d([[0.05, 0.95, 0], [0.1, 0.8, 0.1]])); // [0.0513, 2.303]
 * ```
 */
export const sparseCategoricalCrossentropy = withKerasName(function sparseCategoricalCrossentropy(
  yTrue: tf.Tensor,
  yPred: tf.Tensor,
  options: SparseCrossentropyOptions = {},
): tf.Tensor {
  checkFunctionOptions(yTrue, options, SPARSE_OPTION_KEYS, 'sparseCategoricalCrossentropy', 'SparseCategoricalCrossentropy');
  const ignoreClass = checkIgnoreClass(options.ignoreClass, OWNER);
  return tf.tidy(() => {
    const labels = sparseLabels(yTrue, yPred, OWNER);
    // fromLogits on a softmax output: its logits, not a second softmax (Keras's _get_logits).
    const logits = options.fromLogits ? fromLogitsOfSoftmaxOutput(yPred, 'sparse_categorical_crossentropy') : undefined;
    const p = logits ?? (yPred.dtype === 'float32' ? yPred : tf.cast(yPred, 'float32'));
    const valid = ignoreClass === null ? null : tf.notEqual(labels, ignoreClass);
    // An ignored entry's loss is zeroed below (an out-of-range one, −1 or 255, one-hots to 0).
    const oneHot = tf.oneHot(labels, p.shape[p.rank - 1]);
    // A softmax output (float32, as p is yPred; oneHot has its shape): the same loss and gradient in a few kernels.
    if (!options.fromLogits && valid === null && p === yPred && isSoftmaxOutput(p)) return softmaxCrossentropy(tf.cast(oneHot, 'float32'), p);
    const logProbabilities = options.fromLogits
      ? tf.logSoftmax(p, -1)
      : tf.log(tf.clipByValue(tf.div(p, tf.sum(p, -1, true)), EPSILON, 1 - EPSILON));
    const losses = tf.neg(tf.sum(tf.mul(oneHot, logProbabilities), -1));
    return valid === null ? losses : tf.where(valid, losses, tf.zerosLike(losses));
  });
}, 'sparse_categorical_crossentropy');

/**
 * The sparse categorical crossentropy as a loss object (Keras `SparseCategoricalCrossentropy`).
 * With `ignoreClass`, ignored entries are left out of the mean as well (Keras's loss mask).
 *
 * @example
 * ```ts
 * new SparseCategoricalCrossentropy({ fromLogits: true }).apply(tf.tensor1d([2, 0], 'int32'), logits);
 * ```
 */
export class SparseCategoricalCrossentropy extends Loss {
  static override className = 'SparseCategoricalCrossentropy';
  static override readonly optionKeys = SPARSE_OPTION_KEYS;
  readonly fromLogits: boolean;
  readonly ignoreClass: number | null;
  /** The options as the loss function takes them, made once. */
  private readonly functionOptions: SparseCrossentropyOptions;

  /**
   * @param args `fromLogits` (false), `ignoreClass` (null), `reduction`, `name`
   * @throws Error when `ignoreClass` is not an integer
   */
  constructor(args: LossArgs & SparseCrossentropyOptions = {}) {
    super(args, 'sparse_categorical_crossentropy');
    this.fromLogits = args.fromLogits ?? false;
    this.ignoreClass = checkIgnoreClass(args.ignoreClass, this.owner);
    this.functionOptions = { fromLogits: this.fromLogits, ignoreClass: this.ignoreClass };
  }

  call(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
    return sparseCategoricalCrossentropy(yTrue, yPred, this.functionOptions);
  }

  protected override lossMask(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor | undefined {
    if (this.ignoreClass === null) return undefined;
    return tf.cast(tf.notEqual(sparseLabels(yTrue, yPred, this.owner), this.ignoreClass), 'float32');
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), from_logits: this.fromLogits, ignore_class: this.ignoreClass };
  }
}
