import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { alignShapes } from '../utils/shapes';
import { withKerasName } from '../utils/keras-name';
import { type LossArgs, LossFunctionWrapper } from './loss';

/**
 * Keras's `convert_binary_labels_to_hinge`: when every label is 0 or 1 they become −1 and 1
 * (`2y − 1`); otherwise (already −1/1) they are left alone. Decided on the device, without
 * reading the labels back.
 */
export function hingeLabels(yTrue: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const allBinary = tf.cast(tf.all(tf.logicalOr(tf.equal(yTrue, 0), tf.equal(yTrue, 1))), 'float32');
    // y + b·(y − 1): 2y − 1 when b = 1, y when b = 0.
    return tf.add(yTrue, tf.mul(allBinary, tf.sub(yTrue, 1)));
  });
}

/**
 * Hinge loss over the last axis, Keras's `hinge`: `mean(max(1 − y·ŷ, 0))`. Labels are −1/1;
 * 0/1 labels are converted as Keras does.
 *
 * @param yTrue labels, −1/1 or 0/1
 * @param yPred scores of the same shape
 * @returns one value per sample
 * @throws Error when the shapes are not compatible
 * @example
 * ```ts
 * hinge(tf.tensor2d([[1, 0]]), tf.tensor2d([[0.5, -2]])); // [(0.5 + 0) / 2]
 * ```
 */
export const hinge = withKerasName(function hinge(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [t, p] = alignShapes(yTrue, yPred, 'loss "hinge"');
    return tf.mean(tf.relu(tf.sub(1, tf.mul(hingeLabels(t), p))), -1);
  });
}, 'hinge');

/**
 * Squared hinge loss over the last axis, Keras's `squared_hinge`: `mean(max(1 − y·ŷ, 0)²)`.
 *
 * @param yTrue labels, −1/1 or 0/1
 * @param yPred scores of the same shape
 * @returns one value per sample
 * @throws Error when the shapes are not compatible
 * @example
 * ```ts
 * squaredHinge(tf.tensor2d([[1, 0]]), tf.tensor2d([[0.5, -2]])); // [(0.25 + 0) / 2]
 * ```
 */
export const squaredHinge = withKerasName(function squaredHinge(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [t, p] = alignShapes(yTrue, yPred, 'loss "squared_hinge"');
    return tf.mean(tf.square(tf.relu(tf.sub(1, tf.mul(hingeLabels(t), p)))), -1);
  });
}, 'squared_hinge');

/**
 * Categorical hinge, Keras's `categorical_hinge`: `max(max((1 − y)·ŷ) − Σ y·ŷ + 1, 0)` for
 * one-hot labels.
 *
 * @param yTrue one-hot labels
 * @param yPred scores of the same shape
 * @returns one value per sample
 * @throws Error when the shapes differ
 * @example
 * ```ts
 * categoricalHinge(tf.tensor2d([[0, 1]]), tf.tensor2d([[0.3, 0.6]])); // [0.7]
 * ```
 */
export const categoricalHinge = withKerasName(function categoricalHinge(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const [t, p] = alignShapes(yTrue, yPred, 'loss "categorical_hinge"', { broadcast: false });
    const positive = tf.sum(tf.mul(t, p), -1);
    const negative = tf.max(tf.mul(tf.sub(1, t), p), -1);
    return tf.relu(tf.add(tf.sub(negative, positive), 1));
  });
}, 'categorical_hinge');

/**
 * The hinge loss as a loss object (Keras `Hinge`).
 *
 * @example
 * ```ts
 * new Hinge().apply(tf.tensor2d([[1], [-1]]), scores);
 * ```
 */
export class Hinge extends LossFunctionWrapper {
  static override className = 'Hinge';
  static override readonly optionKeys = optionKeys<LossArgs, LossArgs>({});
  /** @param args `reduction` and `name` */
  constructor(args: LossArgs = {}) {
    super(hinge, args, 'hinge');
  }
}

/**
 * The squared hinge loss as a loss object (Keras `SquaredHinge`).
 *
 * @example
 * ```ts
 * new SquaredHinge().apply(labels, scores);
 * ```
 */
export class SquaredHinge extends LossFunctionWrapper {
  static override className = 'SquaredHinge';
  static override readonly optionKeys = optionKeys<LossArgs, LossArgs>({});
  /** @param args `reduction` and `name` */
  constructor(args: LossArgs = {}) {
    super(squaredHinge, args, 'squared_hinge');
  }
}

/**
 * The categorical hinge loss as a loss object (Keras `CategoricalHinge`).
 *
 * @example
 * ```ts
 * new CategoricalHinge().apply(oneHotLabels, scores);
 * ```
 */
export class CategoricalHinge extends LossFunctionWrapper {
  static override className = 'CategoricalHinge';
  static override readonly optionKeys = optionKeys<LossArgs, LossArgs>({});
  /** @param args `reduction` and `name` */
  constructor(args: LossArgs = {}) {
    super(categoricalHinge, args, 'categorical_hinge');
  }
}
