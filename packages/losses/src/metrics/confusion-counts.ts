import { tf } from '@dendrite/backend';
import { checkOptionKeys, optionKeys } from '@dendrite/backend/internal';
import { alignShapes, alignWeights } from '../utils/shapes';

/** True/false positives/negatives, one entry per threshold (a type, so `tf.tidy` can return it). */
export type ConfusionCounts = {
  truePositives: tf.Tensor1D;
  falsePositives: tf.Tensor1D;
  trueNegatives: tf.Tensor1D;
  falseNegatives: tf.Tensor1D;
};

/** What {@link confusionCounts} may narrow the predictions to. */
export interface ConfusionOptions {
  /** Optional weights, one per sample or broadcastable to `yPred`. */
  sampleWeight?: tf.Tensor;
  /** Only the `topK` highest scores of each sample may count as positive (Keras `top_k`). */
  topK?: number;
  /** Only this class (last axis) counts (Keras `class_id`). */
  classId?: number;
  /** What is counting, as errors show it (`metric "precision"`). */
  owner: string;
}

const CONFUSION_KEYS = optionKeys<ConfusionOptions>({ sampleWeight: true, topK: true, classId: true, owner: true });

/** Keras's `NEG_INF`: the score given to predictions outside the top k. */
export const NEG_INF = -1e10;

/**
 * Labels (nonzero is positive, as Keras casts them to bool), scores and weights, flattened to
 * `[n]` after the `topK` / `classId` narrowing.
 */
function flatten(yTrue: tf.Tensor, yPred: tf.Tensor, options: ConfusionOptions): { labels: tf.Tensor; scores: tf.Tensor; weights: tf.Tensor | null } {
  checkOptionKeys(options, CONFUSION_KEYS, 'confusionCounts');
  let [t, p] = alignShapes(yTrue, yPred, options.owner, { broadcast: false });
  let w = options.sampleWeight === undefined ? null : tf.broadcastTo(alignWeights(options.sampleWeight, p, options.owner), p.shape);
  if (options.topK !== undefined) {
    const k = Math.min(options.topK, p.shape[p.rank - 1]);
    const inTop = tf.sum(tf.oneHot(tf.topk(p, k).indices, p.shape[p.rank - 1]), -2);
    p = tf.add(tf.mul(p, inTop), tf.mul(NEG_INF, tf.sub(1, inTop)));
  }
  if (options.classId !== undefined) {
    const classes = p.shape[p.rank - 1];
    if (p.rank < 2 || options.classId >= classes) {
      throw new Error(`Expected classId below the number of classes ${p.rank < 2 ? '(yPred of shape [batch, classes])' : classes}, received ${options.classId} for yPred of shape [${p.shape.join(', ')}] in ${options.owner}`);
    }
    const pick = (x: tf.Tensor) => tf.gather(x, [options.classId as number], x.rank - 1);
    [t, p, w] = [pick(t), pick(p), w === null ? null : pick(w)];
  }
  return { labels: tf.reshape(tf.cast(tf.notEqual(t, 0), 'float32'), [-1]), scores: tf.reshape(p, [-1]), weights: w === null ? null : tf.reshape(w, [-1]) };
}

/** Zero counts, for an empty batch (tfjs-backend-wasm's Sum of an empty tensor is garbage). */
function noCounts(length: number): ConfusionCounts {
  const zeros = () => tf.zeros([length]) as tf.Tensor1D;
  return { truePositives: zeros(), falsePositives: zeros(), trueNegatives: zeros(), falseNegatives: zeros() };
}

/** TP and FP from per-threshold "predicted positive" indicators, TN and FN from the totals. */
function countsFrom(truePositives: tf.Tensor, falsePositives: tf.Tensor, positives: tf.Tensor, negatives: tf.Tensor): ConfusionCounts {
  return {
    truePositives: truePositives as tf.Tensor1D,
    falsePositives: falsePositives as tf.Tensor1D,
    trueNegatives: tf.sub(negatives, falsePositives) as tf.Tensor1D,
    falseNegatives: tf.sub(positives, truePositives) as tf.Tensor1D,
  };
}

/**
 * Counts true/false positives/negatives at each threshold, as Keras's
 * `update_confusion_matrix_variables`: a prediction above a threshold is positive; a nonzero
 * label is positive. Everything stays on the device.
 *
 * @param thresholds any values (Precision and Recall take them in [0, 1])
 * @returns four `[thresholds]` vectors
 * @throws Error when the shapes or weights do not fit, or `classId` is out of range
 * @example
 * ```ts
 * confusionCounts(tf.tensor1d([1, 0, 1]), tf.tensor1d([0.9, 0.6, 0.3]), [0.5], { owner: 'metric "precision"' });
 * // TP [1], FP [1], TN [0], FN [1]
 * ```
 */
export function confusionCounts(yTrue: tf.Tensor, yPred: tf.Tensor, thresholds: readonly number[], options: ConfusionOptions): ConfusionCounts {
  return tf.tidy(() => {
    const { labels, scores, weights } = flatten(yTrue, yPred, options);
    if (scores.size === 0) return noCounts(thresholds.length);
    const weightedPositives = weights === null ? labels : tf.mul(labels, weights);
    const weightedNegatives = weights === null ? tf.sub(1, labels) : tf.mul(tf.sub(1, labels), weights);
    const predicted = tf.cast(tf.greater(tf.reshape(scores, [1, -1]), tf.tensor2d(thresholds as number[], [thresholds.length, 1])), 'float32');
    const truePositives = tf.sum(tf.mul(predicted, weightedPositives), 1);
    const falsePositives = tf.sum(tf.mul(predicted, weightedNegatives), 1);
    return countsFrom(truePositives, falsePositives, tf.sum(weightedPositives), tf.sum(weightedNegatives));
  });
}

/**
 * {@link confusionCounts} for `numThresholds` evenly spaced thresholds `[−ε, 1/(n−1), …, 1 + ε]`,
 * the way Keras's AUC counts them: each prediction, clipped to [0, 1], falls into one bucket
 * (`ceil(p·(n−1)) − 1`), buckets are summed, and a reversed cumulative sum gives the counts —
 * O(n + batch) memory rather than O(n · batch).
 *
 * @param numThresholds how many thresholds (≥ 2)
 * @returns four `[numThresholds]` vectors
 * @throws Error when the shapes or weights do not fit
 * @example
 * ```ts
 * bucketedConfusionCounts(tf.tensor1d([0, 0, 1, 1]), tf.tensor1d([0, 0.5, 0.3, 0.9]), 3, { owner: 'metric "auc"' });
 * // TP [2, 1, 0], FP [2, 0, 0], TN [0, 2, 2], FN [0, 1, 2]
 * ```
 */
export function bucketedConfusionCounts(yTrue: tf.Tensor, yPred: tf.Tensor, numThresholds: number, options: ConfusionOptions): ConfusionCounts {
  return tf.tidy(() => {
    const { labels, scores, weights } = flatten(yTrue, yPred, options);
    if (scores.size === 0) return noCounts(numThresholds);
    const weightedPositives = weights === null ? labels : tf.mul(labels, weights);
    const weightedNegatives = weights === null ? tf.sub(1, labels) : tf.mul(tf.sub(1, labels), weights);
    // Strictly above a threshold: a prediction equal to i/(n−1) lands in bucket i − 1.
    const buckets = tf.cast(tf.relu(tf.sub(tf.ceil(tf.mul(tf.clipByValue(scores, 0, 1), numThresholds - 1)), 1)), 'int32');
    const cumulative = (values: tf.Tensor) => tf.cumsum(tf.unsortedSegmentSum(values as tf.Tensor1D, buckets as tf.Tensor1D, numThresholds), 0, false, true);
    return countsFrom(cumulative(weightedPositives), cumulative(weightedNegatives), tf.sum(weightedPositives), tf.sum(weightedNegatives));
  });
}
