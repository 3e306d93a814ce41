import { type tf } from '@dendrite/backend';
import { optionKeys, checkInteger, checkNumber, inInterval } from '@dendrite/backend/internal';
import {
  type BinaryAccuracyOptions,
  type TopKOptions,
  accuracy,
  binaryAccuracy,
  categoricalAccuracy,
  sparseCategoricalAccuracy,
  sparseTopKCategoricalAccuracy,
  topKCategoricalAccuracy,
} from './accuracy-functions';
import { MeanMetricWrapper } from './mean';
import type { MetricArgs } from './metric';

export type { MetricArgs } from './metric';

/**
 * How often predictions equal labels exactly (Keras `Accuracy`). For classifiers use
 * `metrics.get('accuracy', …)`, which picks binary, categorical or sparse accuracy as Keras.
 *
 * @example
 * ```ts
 * const metric = new Accuracy();
 * metric.updateState(tf.tensor2d([[1], [2], [3], [4]]), tf.tensor2d([[0], [2], [3], [4]]));
 * metric.resultValue(); // 0.75
 * ```
 */
export class Accuracy extends MeanMetricWrapper {
  static override className = 'Accuracy';
  static override readonly optionKeys = optionKeys<MetricArgs, MetricArgs>({});
  /** @param args `name` (`accuracy`) */
  constructor(args: MetricArgs = {}) {
    super(accuracy, args.name ?? 'accuracy', args);
  }
}

/**
 * How often thresholded predictions match binary labels (Keras `BinaryAccuracy`).
 *
 * @example
 * ```ts
 * const metric = new BinaryAccuracy();
 * metric.updateState(tf.tensor2d([[1], [1], [0], [0]]), tf.tensor2d([[0.98], [1], [0], [0.6]]));
 * metric.resultValue(); // 0.75
 * ```
 */
export class BinaryAccuracy extends MeanMetricWrapper {
  static override className = 'BinaryAccuracy';
  static override readonly optionKeys = optionKeys<MetricArgs & BinaryAccuracyOptions, MetricArgs>({ threshold: true });
  readonly threshold: number;

  /**
   * @param args `threshold` (0.5, in (0, 1)) and `name` (`binary_accuracy`)
   * @throws Error when `threshold` is outside (0, 1)
   */
  constructor(args: MetricArgs & BinaryAccuracyOptions = {}) {
    const name = args.name ?? 'binary_accuracy';
    const threshold = checkNumber(args.threshold ?? 0.5, 'threshold', `metric "${name}"`, inInterval(0, 1, true));
    super((yTrue, yPred) => binaryAccuracy(yTrue, yPred, { threshold }), name, args);
    this.threshold = threshold;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), threshold: this.threshold };
  }
}

/**
 * How often the arg-max of predictions matches one-hot labels (Keras `CategoricalAccuracy`).
 *
 * @example
 * ```ts
 * const metric = new CategoricalAccuracy();
 * metric.updateState(tf.tensor2d([[0, 0, 1], [0, 1, 0]]), tf.tensor2d([[0.1, 0.9, 0.8], [0.05, 0.95, 0]]));
 * metric.resultValue(); // 0.5
 * ```
 */
export class CategoricalAccuracy extends MeanMetricWrapper {
  static override className = 'CategoricalAccuracy';
  static override readonly optionKeys = optionKeys<MetricArgs, MetricArgs>({});
  /** @param args `name` (`categorical_accuracy`) */
  constructor(args: MetricArgs = {}) {
    super(categoricalAccuracy, args.name ?? 'categorical_accuracy', args);
  }
}

/**
 * How often the arg-max of predictions matches integer labels (Keras `SparseCategoricalAccuracy`).
 *
 * @example
 * ```ts
 * const metric = new SparseCategoricalAccuracy();
 * metric.updateState(tf.tensor2d([[2], [1]]), tf.tensor2d([[0.1, 0.6, 0.3], [0.05, 0.95, 0]]));
 * metric.resultValue(); // 0.5
 * ```
 */
export class SparseCategoricalAccuracy extends MeanMetricWrapper {
  static override className = 'SparseCategoricalAccuracy';
  static override readonly optionKeys = optionKeys<MetricArgs, MetricArgs>({});
  /** @param args `name` (`sparse_categorical_accuracy`) */
  constructor(args: MetricArgs = {}) {
    super(sparseCategoricalAccuracy, args.name ?? 'sparse_categorical_accuracy', args);
  }
}

/** The top-k accuracies: a function of `k`, checked once, and `k` in the config. */
abstract class TopKAccuracy extends MeanMetricWrapper {
  static override readonly optionKeys = optionKeys<MetricArgs & TopKOptions, MetricArgs>({ k: true });
  readonly k: number;

  /** @throws Error when `k` is not an integer ≥ 1 */
  protected constructor(args: MetricArgs & TopKOptions, accuracy: (yTrue: tf.Tensor, yPred: tf.Tensor, options: { k: number }) => tf.Tensor, defaultName: string) {
    const name = args.name ?? defaultName;
    const k = checkInteger(args.k ?? 5, 'k', `metric "${name}"`, 1);
    super((yTrue, yPred) => accuracy(yTrue, yPred, { k }), name, args);
    this.k = k;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), k: this.k };
  }
}

/**
 * How often the one-hot label is among the `k` highest scores (Keras `TopKCategoricalAccuracy`).
 *
 * @example
 * ```ts
 * const metric = new TopKCategoricalAccuracy({ k: 2 });
 * ```
 */
export class TopKCategoricalAccuracy extends TopKAccuracy {
  static override className = 'TopKCategoricalAccuracy';
  static override readonly optionKeys = optionKeys<MetricArgs & TopKOptions, MetricArgs & TopKOptions>({});

  /**
   * @param args `k` (5) and `name` (`top_k_categorical_accuracy`)
   * @throws Error when `k` is not an integer ≥ 1
   */
  constructor(args: MetricArgs & TopKOptions = {}) {
    super(args, topKCategoricalAccuracy, 'top_k_categorical_accuracy');
  }
}

/**
 * How often the integer label is among the `k` highest scores (Keras
 * `SparseTopKCategoricalAccuracy`).
 *
 * @example
 * ```ts
 * const metric = new SparseTopKCategoricalAccuracy({ k: 3 });
 * ```
 */
export class SparseTopKCategoricalAccuracy extends TopKAccuracy {
  static override className = 'SparseTopKCategoricalAccuracy';
  static override readonly optionKeys = optionKeys<MetricArgs & TopKOptions, MetricArgs & TopKOptions>({});

  /**
   * @param args `k` (5) and `name` (`sparse_top_k_categorical_accuracy`)
   * @throws Error when `k` is not an integer ≥ 1
   */
  constructor(args: MetricArgs & TopKOptions = {}) {
    super(args, sparseTopKCategoricalAccuracy, 'sparse_top_k_categorical_accuracy');
  }
}
