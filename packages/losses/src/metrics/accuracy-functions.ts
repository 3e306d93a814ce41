import { tf } from '@dendrite/backend';
import { alignShapes } from '../losses/shapes';

/** 1 where `ŷ > threshold` equals the label, averaged over the last axis. */
export function binaryAccuracy(yTrue: tf.Tensor, yPred: tf.Tensor, threshold = 0.5): tf.Tensor {
  const [t, p] = alignShapes(yTrue, yPred, 'metric "binary_accuracy"');
  return tf.mean(tf.cast(tf.equal(t, tf.cast(tf.greater(p, threshold), t.dtype)), 'float32'), -1);
}

/** 1 where the arg-max of one-hot labels and predictions agree. */
export function categoricalAccuracy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const [t, p] = alignShapes(yTrue, yPred, 'metric "categorical_accuracy"');
  return tf.cast(tf.equal(tf.argMax(t, -1), tf.argMax(p, -1)), 'float32');
}

function sparseLabels(yTrue: tf.Tensor, yPred: tf.Tensor, owner: string): tf.Tensor {
  let labels = yTrue;
  if (labels.rank === yPred.rank && labels.shape[labels.rank - 1] === 1) labels = tf.squeeze(labels, [labels.rank - 1]);
  if (labels.rank !== yPred.rank - 1) {
    throw new Error(`Expected integer labels of shape [${yPred.shape.slice(0, -1).join(', ')}] for yPred of shape [${yPred.shape.join(', ')}], received [${yTrue.shape.join(', ')}] in ${owner}`);
  }
  return tf.cast(labels, 'int32');
}

/** 1 where the integer label equals the arg-max of the predictions. */
export function sparseCategoricalAccuracy(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const labels = sparseLabels(yTrue, yPred, 'metric "sparse_categorical_accuracy"');
  return tf.cast(tf.equal(labels, tf.cast(tf.argMax(yPred, -1), 'int32')), 'float32');
}

/** 1 where the true class is among the k highest predictions (fewer than k classes score higher). */
function inTopK(labels: tf.Tensor, yPred: tf.Tensor, k: number): tf.Tensor {
  const classes = yPred.shape[yPred.rank - 1];
  const trueScore = tf.sum(tf.mul(yPred, tf.oneHot(labels, classes)), -1, true);
  const higher = tf.sum(tf.cast(tf.greater(yPred, trueScore), 'float32'), -1);
  return tf.cast(tf.less(higher, k), 'float32');
}

/** Top-k accuracy for one-hot labels (k 5). */
export function topKCategoricalAccuracy(yTrue: tf.Tensor, yPred: tf.Tensor, k = 5): tf.Tensor {
  const [t, p] = alignShapes(yTrue, yPred, 'metric "top_k_categorical_accuracy"');
  return inTopK(tf.cast(tf.argMax(t, -1), 'int32'), p, k);
}

/** Top-k accuracy for integer labels (k 5). */
export function sparseTopKCategoricalAccuracy(yTrue: tf.Tensor, yPred: tf.Tensor, k = 5): tf.Tensor {
  return inTopK(sparseLabels(yTrue, yPred, 'metric "sparse_top_k_categorical_accuracy"'), yPred, k);
}
