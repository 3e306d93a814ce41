import { tf } from '@dendrite/backend';
import { alignShapes } from './shapes';

/** Keras's fuzz factor for clipping probabilities. */
export const EPSILON = 1e-7;

/** A per-sample loss: targets and predictions in, one value per sample (the last axis reduced) out. */
export type LossFunction = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

const lastAxisMean = (x: tf.Tensor) => tf.mean(x, -1);

/** `mean((y − ŷ)²)` over the last axis. */
export function meanSquaredError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const [t, p] = alignShapes(yTrue, yPred, 'loss "mean_squared_error"');
  return lastAxisMean(tf.squaredDifference(t, p));
}

/** `mean(|y − ŷ|)` over the last axis. */
export function meanAbsoluteError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const [t, p] = alignShapes(yTrue, yPred, 'loss "mean_absolute_error"');
  return lastAxisMean(tf.abs(tf.sub(t, p)));
}

/** `100 · mean(|y − ŷ| / max(|y|, ε))` over the last axis. */
export function meanAbsolutePercentageError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const [t, p] = alignShapes(yTrue, yPred, 'loss "mean_absolute_percentage_error"');
  return tf.mul(100, lastAxisMean(tf.abs(tf.div(tf.sub(t, p), tf.maximum(tf.abs(t), EPSILON)))));
}

/** `mean((log(ŷ + 1) − log(y + 1))²)` with both clipped at ε, over the last axis. */
export function meanSquaredLogarithmicError(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const [t, p] = alignShapes(yTrue, yPred, 'loss "mean_squared_logarithmic_error"');
  const logP = tf.log1p(tf.maximum(p, EPSILON));
  const logT = tf.log1p(tf.maximum(t, EPSILON));
  return lastAxisMean(tf.squaredDifference(logP, logT));
}

/** Huber: `½e²` where |e| ≤ δ, `δ|e| − ½δ²` beyond, averaged over the last axis. */
export function huber(yTrue: tf.Tensor, yPred: tf.Tensor, delta = 1): tf.Tensor {
  const [t, p] = alignShapes(yTrue, yPred, 'loss "huber"');
  const error = tf.abs(tf.sub(p, t));
  const quadratic = tf.mul(0.5, tf.square(error));
  const linear = tf.sub(tf.mul(delta, error), 0.5 * delta * delta);
  return lastAxisMean(tf.where(tf.lessEqual(error, delta), quadratic, linear));
}

/**
 * Binary crossentropy, averaged over the last axis. From logits it uses the stable form
 * `max(x, 0) − x·z + log(1 + e^(−|x|))`; from probabilities it clips at ε, as Keras.
 */
export function binaryCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor, fromLogits = false, labelSmoothing = 0): tf.Tensor {
  let [t, p] = alignShapes(yTrue, yPred, 'loss "binary_crossentropy"');
  if (labelSmoothing > 0) t = tf.add(tf.mul(t, 1 - labelSmoothing), 0.5 * labelSmoothing);
  if (fromLogits) {
    return lastAxisMean(tf.add(tf.sub(tf.relu(p), tf.mul(p, t)), tf.log1p(tf.exp(tf.neg(tf.abs(p))))));
  }
  const clipped = tf.clipByValue(p, EPSILON, 1 - EPSILON);
  const terms = tf.add(tf.mul(t, tf.log(clipped)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, clipped))));
  return lastAxisMean(tf.neg(terms));
}

/**
 * Categorical crossentropy over `axis`: from logits through log-softmax; from probabilities the
 * rows are renormalized and clipped at ε, as Keras. Label smoothing spreads `labelSmoothing` over
 * the classes.
 */
export function categoricalCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor, fromLogits = false, labelSmoothing = 0, axis = -1): tf.Tensor {
  let [t, p] = alignShapes(yTrue, yPred, 'loss "categorical_crossentropy"');
  if (labelSmoothing > 0) {
    const classes = p.shape[axis < 0 ? p.rank + axis : axis];
    t = tf.add(tf.mul(t, 1 - labelSmoothing), labelSmoothing / classes);
  }
  if (fromLogits) return tf.neg(tf.sum(tf.mul(t, tf.logSoftmax(p, axis)), axis));
  const normalized = tf.div(p, tf.sum(p, axis, true));
  return tf.neg(tf.sum(tf.mul(t, tf.log(tf.clipByValue(normalized, EPSILON, 1 - EPSILON))), axis));
}

/**
 * Categorical crossentropy with integer labels (shape [batch] or [batch, 1]).
 *
 * @throws Error when labels and predictions do not line up
 */
export function sparseCategoricalCrossentropy(yTrue: tf.Tensor, yPred: tf.Tensor, fromLogits = false): tf.Tensor {
  let labels = yTrue;
  if (labels.rank === yPred.rank && labels.shape[labels.rank - 1] === 1) labels = tf.squeeze(labels, [labels.rank - 1]);
  if (labels.rank !== yPred.rank - 1 || labels.shape.some((size, axis) => size !== yPred.shape[axis])) {
    throw new Error(
      `Expected yTrue of shape [${yPred.shape.slice(0, -1).join(', ')}] (or with a trailing 1) to go with yPred of shape [${yPred.shape.join(', ')}], received [${yTrue.shape.join(', ')}] in loss "sparse_categorical_crossentropy"`,
    );
  }
  const classes = yPred.shape[yPred.rank - 1];
  const oneHot = tf.oneHot(tf.cast(labels, 'int32'), classes);
  const logProbabilities = fromLogits
    ? tf.logSoftmax(yPred, -1)
    : tf.log(tf.clipByValue(tf.div(yPred, tf.sum(yPred, -1, true)), EPSILON, 1 - EPSILON));
  return tf.neg(tf.sum(tf.mul(oneHot, logProbabilities), -1));
}

/** Labels in {0, 1} become {−1, 1}, as Keras's hinge losses expect. */
function signedLabels(t: tf.Tensor): tf.Tensor {
  return tf.where(tf.equal(t, 0), tf.neg(tf.onesLike(t)), t);
}

/** `mean(max(1 − y·ŷ, 0))` over the last axis (labels −1/1 or 0/1). */
export function hinge(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const [t, p] = alignShapes(yTrue, yPred, 'loss "hinge"');
  return lastAxisMean(tf.relu(tf.sub(1, tf.mul(signedLabels(t), p))));
}

/** `mean(max(1 − y·ŷ, 0)²)` over the last axis. */
export function squaredHinge(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const [t, p] = alignShapes(yTrue, yPred, 'loss "squared_hinge"');
  return lastAxisMean(tf.square(tf.relu(tf.sub(1, tf.mul(signedLabels(t), p)))));
}

/** `max(max((1 − y)·ŷ) − Σ y·ŷ + 1, 0)` for one-hot labels. */
export function categoricalHinge(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const [t, p] = alignShapes(yTrue, yPred, 'loss "categorical_hinge"');
  const positive = tf.sum(tf.mul(t, p), -1);
  const negative = tf.max(tf.mul(tf.sub(1, t), p), -1);
  return tf.relu(tf.add(tf.sub(negative, positive), 1));
}

/** Kullback–Leibler divergence `Σ y·log(y / ŷ)`, both clipped to [ε, 1]. */
export function kld(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const [t, p] = alignShapes(yTrue, yPred, 'loss "kl_divergence"');
  const tc = tf.clipByValue(t, EPSILON, 1);
  const pc = tf.clipByValue(p, EPSILON, 1);
  return tf.sum(tf.mul(tc, tf.log(tf.div(tc, pc))), -1);
}

/** `mean(ŷ − y·log(ŷ + ε))` over the last axis. */
export function poisson(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const [t, p] = alignShapes(yTrue, yPred, 'loss "poisson"');
  return lastAxisMean(tf.sub(p, tf.mul(t, tf.log(tf.add(p, EPSILON)))));
}

/** The negative cosine similarity along `axis` (−1 for identical directions), as Keras's loss. */
export function cosineSimilarity(yTrue: tf.Tensor, yPred: tf.Tensor, axis = -1): tf.Tensor {
  const [t, p] = alignShapes(yTrue, yPred, 'loss "cosine_similarity"');
  const normalize = (x: tf.Tensor) => tf.div(x, tf.sqrt(tf.maximum(tf.sum(tf.square(x), axis, true), 1e-12)));
  return tf.neg(tf.sum(tf.mul(normalize(t), normalize(p)), axis));
}

/** `mean(log(cosh(ŷ − y)))`, computed stably. */
export function logCosh(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const [t, p] = alignShapes(yTrue, yPred, 'loss "log_cosh"');
  const x = tf.sub(p, t);
  return lastAxisMean(tf.sub(tf.add(x, tf.softplus(tf.mul(-2, x))), Math.LN2));
}
