import { type KerasSerialized, ObjectRegistry, normalizeIdentifier, tf } from '@dendrite/backend';
import * as lossRegistry from '../losses/loss-classes';
import { Loss } from '../losses/loss';
import { AUC } from './auc';
import { Precision, Recall } from './confusion-metrics';
import { Mean, MeanMetricWrapper, Metric } from './metric';
import {
  BinaryAccuracy,
  CategoricalAccuracy,
  MeanAbsoluteErrorMetric,
  MeanAbsolutePercentageErrorMetric,
  MeanSquaredErrorMetric,
  MeanSquaredLogarithmicErrorMetric,
  RootMeanSquaredError,
  SparseCategoricalAccuracy,
  SparseTopKCategoricalAccuracy,
  TopKCategoricalAccuracy,
} from './metric-classes';

/** A metric as `compile` accepts it: a name, `{class_name, config}`, a Metric, or a per-sample function. */
export type MetricIdentifier = string | KerasSerialized | Metric | ((yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor);

/** What resolving `'accuracy'` needs to know, as Keras: the loss and the shapes of one batch. */
export interface MetricContext {
  /** Keras's function name of the loss (`binary_crossentropy`, `sparse_categorical_crossentropy`). */
  lossName?: string;
  yTrueShape?: number[];
  yPredShape?: number[];
}

type MetricClass = { className: string; new (args: { name?: string }): Metric };
const registry = new ObjectRegistry<Metric>('metric', (value): value is Metric => value instanceof Metric);
const CLASSES: Array<[MetricClass, string[]]> = [
  [BinaryAccuracy, ['binary_accuracy']],
  [CategoricalAccuracy, ['categorical_accuracy']],
  [SparseCategoricalAccuracy, ['sparse_categorical_accuracy']],
  [TopKCategoricalAccuracy, ['top_k_categorical_accuracy']],
  [SparseTopKCategoricalAccuracy, ['sparse_top_k_categorical_accuracy']],
  [Precision as unknown as MetricClass, []],
  [Recall as unknown as MetricClass, []],
  [AUC as unknown as MetricClass, []],
  [MeanAbsoluteErrorMetric, ['mae', 'mean_absolute_error']],
  [MeanSquaredErrorMetric, ['mse', 'mean_squared_error']],
  [MeanAbsolutePercentageErrorMetric, ['mape']],
  [MeanSquaredLogarithmicErrorMetric, ['msle']],
  [RootMeanSquaredError, ['rmse']],
  [Mean as unknown as MetricClass, []],
];
for (const [metricClass, aliases] of CLASSES) {
  registry.register(
    metricClass.className,
    (config) => new metricClass(Object.fromEntries(Object.entries(config).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v])) as { name?: string }),
    aliases,
  );
}

/**
 * Picks the accuracy Keras would for `'accuracy'`: binary for a binary-crossentropy loss or a
 * last axis of 1, sparse categorical for a sparse loss or integer labels (one axis fewer, or a
 * trailing 1 against several classes), categorical otherwise.
 */
export function resolveAccuracy(context: MetricContext = {}): 'binary' | 'sparse_categorical' | 'categorical' {
  const loss = context.lossName ? normalizeIdentifier(context.lossName) : '';
  if (loss === 'binarycrossentropy' || loss === 'bce') return 'binary';
  if (loss === 'sparsecategoricalcrossentropy' || loss === 'scce') return 'sparse_categorical';
  if (loss === 'categoricalcrossentropy' || loss === 'cce') return 'categorical';
  const { yTrueShape: t, yPredShape: p } = context;
  if (p && p[p.length - 1] === 1) return 'binary';
  if (t && p && (t.length < p.length || (t[t.length - 1] === 1 && p[p.length - 1] > 1))) return 'sparse_categorical';
  return 'categorical';
}

/**
 * Resolves a metric. `'accuracy'`/`'acc'` becomes the right accuracy for the loss and shapes
 * ({@link resolveAccuracy}) and keeps the name it was given; `'mae'`, `'mse'`, `'AUC'`,
 * `'precision'`, class names in any spelling; a loss name gives the streaming mean of that loss;
 * a function `(yTrue, yPred) => perSample` is averaged; a Metric passes through.
 *
 * @throws Error for an unknown name, listing the known ones
 */
export function get(identifier: MetricIdentifier, context: MetricContext = {}): Metric {
  if (identifier instanceof Metric) return identifier;
  if (typeof identifier === 'function') return new MeanMetricWrapper(identifier, identifier.name || 'custom_metric');
  if (typeof identifier === 'string') {
    const key = normalizeIdentifier(identifier);
    if (key === 'accuracy' || key === 'acc') {
      const kind = resolveAccuracy(context);
      const name = identifier;
      return kind === 'binary' ? new BinaryAccuracy({ name }) : kind === 'sparse_categorical' ? new SparseCategoricalAccuracy({ name }) : new CategoricalAccuracy({ name });
    }
    if (registry.has(identifier)) {
      const metricClass = CLASSES.find(([c]) => c.className === registry.className(identifier))![0];
      const isClassName = normalizeIdentifier(metricClass.className) === key;
      return isClassName ? registry.get(identifier) : new metricClass({ name: identifier });
    }
    let loss: Loss | undefined;
    try {
      loss = lossRegistry.get(identifier);
    } catch {
      loss = undefined;
    }
    if (loss) return new MeanMetricWrapper((t, p) => loss!.call(t, p), identifier);
    throw new Error(`Unknown metric "${identifier}": expected accuracy, acc, one of ${registry.names().join(', ')}, or a loss name`);
  }
  return registry.get(identifier);
}

/** `{class_name, config}` of a metric. */
export function serialize(metric: Metric): KerasSerialized {
  return { class_name: metric.className, config: metric.getConfig() };
}
