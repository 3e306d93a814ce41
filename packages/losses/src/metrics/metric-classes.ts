import { tf } from '@dendrite/backend';
import * as accuracy from './accuracy-functions';
import { meanAbsoluteError, meanAbsolutePercentageError, meanSquaredError, meanSquaredLogarithmicError } from '../losses/loss-functions';
import { Mean, MeanMetricWrapper } from './metric';

/** Accuracy of thresholded binary predictions (threshold 0.5). */
export class BinaryAccuracy extends MeanMetricWrapper {
  static override className = 'BinaryAccuracy';
  readonly threshold: number;
  constructor(args: { name?: string; threshold?: number } = {}) {
    const threshold = args.threshold ?? 0.5;
    super((t, p) => accuracy.binaryAccuracy(t, p, threshold), args.name ?? 'binary_accuracy');
    if (!(threshold >= 0 && threshold <= 1)) throw new Error(`Expected threshold in [0, 1], received ${JSON.stringify(args.threshold)} in metric "${this.name}"`);
    this.threshold = threshold;
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), threshold: this.threshold };
  }
}

/** Accuracy for one-hot labels. */
export class CategoricalAccuracy extends MeanMetricWrapper {
  static override className = 'CategoricalAccuracy';
  constructor(args: { name?: string } = {}) {
    super(accuracy.categoricalAccuracy, args.name ?? 'categorical_accuracy');
  }
}

/** Accuracy for integer labels. */
export class SparseCategoricalAccuracy extends MeanMetricWrapper {
  static override className = 'SparseCategoricalAccuracy';
  constructor(args: { name?: string } = {}) {
    super(accuracy.sparseCategoricalAccuracy, args.name ?? 'sparse_categorical_accuracy');
  }
}

function checkK(k: number, name: string): number {
  if (!Number.isInteger(k) || k < 1) throw new Error(`Expected k to be an integer ≥ 1, received ${JSON.stringify(k)} in metric "${name}"`);
  return k;
}

/** Top-k accuracy for one-hot labels (k 5). */
export class TopKCategoricalAccuracy extends MeanMetricWrapper {
  static override className = 'TopKCategoricalAccuracy';
  readonly k: number;
  constructor(args: { name?: string; k?: number } = {}) {
    const k = checkK(args.k ?? 5, args.name ?? 'top_k_categorical_accuracy');
    super((t, p) => accuracy.topKCategoricalAccuracy(t, p, k), args.name ?? 'top_k_categorical_accuracy');
    this.k = k;
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), k: this.k };
  }
}

/** Top-k accuracy for integer labels (k 5). */
export class SparseTopKCategoricalAccuracy extends MeanMetricWrapper {
  static override className = 'SparseTopKCategoricalAccuracy';
  readonly k: number;
  constructor(args: { name?: string; k?: number } = {}) {
    const k = checkK(args.k ?? 5, args.name ?? 'sparse_top_k_categorical_accuracy');
    super((t, p) => accuracy.sparseTopKCategoricalAccuracy(t, p, k), args.name ?? 'sparse_top_k_categorical_accuracy');
    this.k = k;
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), k: this.k };
  }
}

/** Streaming mean absolute error. */
export class MeanAbsoluteErrorMetric extends MeanMetricWrapper {
  static override className = 'MeanAbsoluteError';
  constructor(args: { name?: string } = {}) {
    super(meanAbsoluteError, args.name ?? 'mean_absolute_error');
  }
}

/** Streaming mean squared error. */
export class MeanSquaredErrorMetric extends MeanMetricWrapper {
  static override className = 'MeanSquaredError';
  constructor(args: { name?: string } = {}) {
    super(meanSquaredError, args.name ?? 'mean_squared_error');
  }
}

/** Streaming mean absolute percentage error. */
export class MeanAbsolutePercentageErrorMetric extends MeanMetricWrapper {
  static override className = 'MeanAbsolutePercentageError';
  constructor(args: { name?: string } = {}) {
    super(meanAbsolutePercentageError, args.name ?? 'mean_absolute_percentage_error');
  }
}

/** Streaming mean squared logarithmic error. */
export class MeanSquaredLogarithmicErrorMetric extends MeanMetricWrapper {
  static override className = 'MeanSquaredLogarithmicError';
  constructor(args: { name?: string } = {}) {
    super(meanSquaredLogarithmicError, args.name ?? 'mean_squared_logarithmic_error');
  }
}

/** √(mean of squared errors) over everything seen, as Keras's `RootMeanSquaredError`. */
export class RootMeanSquaredError extends Mean {
  static override className = 'RootMeanSquaredError';
  constructor(args: { name?: string } = {}) {
    super({ name: args.name ?? 'root_mean_squared_error' });
  }
  override updateState(yTrue: tf.Tensor, yPred: tf.Tensor, sampleWeight?: tf.Tensor): void {
    tf.tidy(() => this.updateValues(tf.squaredDifference(tf.cast(yTrue, 'float32'), yPred), sampleWeight));
  }
  override result(): tf.Tensor {
    return tf.tidy(() => tf.sqrt(super.result()));
  }
}
