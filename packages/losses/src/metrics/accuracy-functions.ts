import { tf } from '@dendrite/backend';
import { optionKeys, checkInteger, checkNumber, inInterval } from '@dendrite/backend/internal';
import { sparseLabels } from '../losses/sparse-categorical-crossentropy';
import { alignShapes, checkTensor, looksSparse } from '../utils/shapes';
import { withKerasName } from '../utils/keras-name';
import { checkFunctionOptions } from '../utils/function-options';

/**
 * Whether predictions equal labels exactly, averaged over the last axis (Keras's `accuracy`).
 *
 * @param yTrue labels
 * @param yPred predicted labels of the same shape
 * @returns one value per sample, in [0, 1]
 * @throws Error when the shapes differ
 * @example
 * ```ts
 * accuracy(tf.tensor2d([[1], [2]]), tf.tensor2d([[1], [3]])); // [1, 0]
 * ```
 */
export const accuracy = withKerasName(function accuracy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [t, p] = alignShapes(yTrue, yPred, 'metric "accuracy"', { broadcast: false });
    return tf.mean(tf.cast(tf.equal(t, p), 'float32'), -1);
  });
}, 'accuracy');

/** Options of {@link binaryAccuracy}. */
export interface BinaryAccuracyOptions {
  /** Predictions above it count as 1; 0.5 by default, in (0, 1) as Keras requires. */
  threshold?: number;
}

const BINARY_ACCURACY_OPTION_KEYS = optionKeys<BinaryAccuracyOptions>({ threshold: true });

/**
 * How often thresholded predictions match binary labels, averaged over the last axis (Keras's
 * `binary_accuracy`): `mean(y == (ŷ > threshold))`.
 *
 * @param yTrue labels, 0 or 1
 * @param yPred probabilities of the same shape
 * @param options `threshold` (0.5)
 * @returns one value per sample
 * @throws Error when the shapes differ or `threshold` is outside (0, 1)
 * @example
 * ```ts
 * binaryAccuracy(tf.tensor2d([[1], [1], [0], [0]]), tf.tensor2d([[0.98], [1], [0], [0.6]])); // [1, 1, 1, 0]
 * ```
 */
export const binaryAccuracy = withKerasName(function binaryAccuracy(yTrue: tf.Tensor, yPred: tf.Tensor, options: BinaryAccuracyOptions = {}): tf.Tensor {
  checkFunctionOptions(yTrue, options, BINARY_ACCURACY_OPTION_KEYS, 'binaryAccuracy', 'BinaryAccuracy');
  const threshold = checkNumber(options.threshold ?? 0.5, 'threshold', 'metric "binary_accuracy"', inInterval(0, 1, true));
  return tf.tidy(() => {
    const [t, p] = alignShapes(yTrue, yPred, 'metric "binary_accuracy"', { broadcast: false });
    return tf.mean(tf.cast(tf.equal(t, tf.cast(tf.greater(p, threshold), 'float32')), 'float32'), -1);
  });
}, 'binary_accuracy');

/**
 * Whether the arg-max of one-hot labels and of predictions agree (Keras's
 * `categorical_accuracy`). Logits work as well as probabilities.
 *
 * @param yTrue one-hot labels
 * @param yPred scores of the same shape
 * @returns one value per sample
 * @throws Error when the shapes differ (integer labels want {@link sparseCategoricalAccuracy})
 * @example
 * ```ts
 * categoricalAccuracy(tf.tensor2d([[0, 0, 1], [0, 1, 0]]), tf.tensor2d([[0.1, 0.9, 0.8], [0.05, 0.95, 0]])); // [0, 1]
 * ```
 */
export const categoricalAccuracy = withKerasName(function categoricalAccuracy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    checkTensor(yTrue, 'yTrue', 'metric "categorical_accuracy"');
    checkTensor(yPred, 'yPred', 'metric "categorical_accuracy"');
    const hint = looksSparse(yTrue, yPred) ? 'integer class labels go with sparse_categorical_accuracy' : undefined;
    const [t, p] = alignShapes(yTrue, yPred, 'metric "categorical_accuracy"', { broadcast: false, hint });
    return tf.cast(tf.equal(tf.argMax(t, -1), tf.argMax(p, -1)), 'float32');
  });
}, 'categorical_accuracy');

/**
 * Whether integer labels equal the arg-max of the predictions (Keras's
 * `sparse_categorical_accuracy`). Labels may be int32 or float32, `[batch]` or `[batch, 1]`.
 *
 * @param yTrue integer labels
 * @param yPred scores, classes on the last axis
 * @returns one value per sample
 * @throws Error when the label shape does not go with `yPred`
 * @example
 * ```ts
 * sparseCategoricalAccuracy(tf.tensor2d([[2], [1]]), tf.tensor2d([[0.1, 0.6, 0.3], [0.05, 0.95, 0]])); // [0, 1]
 * ```
 */
export const sparseCategoricalAccuracy = withKerasName(function sparseCategoricalAccuracy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const labels = sparseLabels(yTrue, yPred, 'metric "sparse_categorical_accuracy"');
    return tf.cast(tf.equal(labels, tf.cast(tf.argMax(yPred, -1), 'int32')), 'float32');
  });
}, 'sparse_categorical_accuracy');

/** Options of the top-k accuracies. */
export interface TopKOptions {
  /** How many of the highest scores count as a hit; 5 by default. */
  k?: number;
}

const TOP_K_OPTION_KEYS = optionKeys<TopKOptions>({ k: true });

/**
 * 1 where the true class is among the k highest scores, as TensorFlow's `in_top_k`: classes tied
 * at the boundary all count, so a hit means fewer than k classes score strictly higher.
 */
function inTopK(labels: tf.Tensor, yPred: tf.Tensor, k: number): tf.Tensor {
  const classes = yPred.shape[yPred.rank - 1];
  const scores = yPred.dtype === 'float32' ? yPred : tf.cast(yPred, 'float32');
  const trueScore = tf.sum(tf.mul(scores, tf.oneHot(labels, classes)), -1, true);
  const higher = tf.sum(tf.cast(tf.greater(scores, trueScore), 'float32'), -1);
  return tf.cast(tf.less(higher, k), 'float32');
}

/**
 * Whether the one-hot label's class is among the `k` highest scores (Keras's
 * `top_k_categorical_accuracy`).
 *
 * @param yTrue one-hot labels
 * @param yPred scores of the same shape
 * @param options `k` (5)
 * @returns one value per sample
 * @throws Error when the shapes differ or `k` is not an integer ≥ 1
 * @example
 * ```ts
 * topKCategoricalAccuracy(tf.tensor2d([[0, 0, 1], [0, 1, 0]]), tf.tensor2d([[0.1, 0.9, 0.8], [0.05, 0.95, 0]]), { k: 1 }); // [0, 1]
 * ```
 */
export const topKCategoricalAccuracy = withKerasName(function topKCategoricalAccuracy(yTrue: tf.Tensor, yPred: tf.Tensor, options: TopKOptions = {}): tf.Tensor {
  checkFunctionOptions(yTrue, options, TOP_K_OPTION_KEYS, 'topKCategoricalAccuracy', 'TopKCategoricalAccuracy');
  const k = checkInteger(options.k ?? 5, 'k', 'metric "top_k_categorical_accuracy"', 1);
  return tf.tidy(() => {
    const [t, p] = alignShapes(yTrue, yPred, 'metric "top_k_categorical_accuracy"', { broadcast: false });
    return inTopK(tf.cast(tf.argMax(t, -1), 'int32'), p, k);
  });
}, 'top_k_categorical_accuracy');

/**
 * Whether the integer label is among the `k` highest scores (Keras's
 * `sparse_top_k_categorical_accuracy`).
 *
 * @param yTrue integer labels, `[batch]` or `[batch, 1]`
 * @param yPred scores, classes on the last axis
 * @param options `k` (5)
 * @returns one value per sample
 * @throws Error when the label shape does not go with `yPred` or `k` is not an integer ≥ 1
 * @example
 * ```ts
 * sparseTopKCategoricalAccuracy(tf.tensor1d([2, 1]), tf.tensor2d([[0.1, 0.9, 0.8], [0.05, 0.95, 0]]), { k: 1 }); // [0, 1]
 * ```
 */
export const sparseTopKCategoricalAccuracy = withKerasName(function sparseTopKCategoricalAccuracy(
  yTrue: tf.Tensor,
  yPred: tf.Tensor,
  options: TopKOptions = {},
): tf.Tensor {
  checkFunctionOptions(yTrue, options, TOP_K_OPTION_KEYS, 'sparseTopKCategoricalAccuracy', 'SparseTopKCategoricalAccuracy');
  const k = checkInteger(options.k ?? 5, 'k', 'metric "sparse_top_k_categorical_accuracy"', 1);
  return tf.tidy(() => inTopK(sparseLabels(yTrue, yPred, 'metric "sparse_top_k_categorical_accuracy"'), yPred, k));
}, 'sparse_top_k_categorical_accuracy');
