import { UnknownObjectError, tf } from '@dendrite/backend';
import { type KerasSerialized, type KerasSpellings, ObjectRegistry, checkOptionKeys, isKerasSerialized, normalizeIdentifier, describeValue } from '@dendrite/backend/internal';
import { get as getLoss, isLossName, type LossName } from '../losses/get-loss';
import { Loss } from '../losses/loss';
import {
  Accuracy,
  BinaryAccuracy,
  CategoricalAccuracy,
  SparseCategoricalAccuracy,
  SparseTopKCategoricalAccuracy,
  TopKCategoricalAccuracy,
} from './accuracy-metrics';
import { AUC } from './auc';
import { Mean, MeanMetricWrapper, Sum } from './mean';
import { Metric } from './metric';
import { Precision, Recall } from './precision-recall';
import { F1Score, FBetaScore } from './f-beta-score';
import { R2Score } from './r2-score';
import { IoU } from './iou';
import { BinaryIoU, MeanIoU, OneHotIoU, OneHotMeanIoU } from './iou-variants';
import { MeanAbsoluteError, MeanAbsolutePercentageError, MeanSquaredError, MeanSquaredLogarithmicError, RootMeanSquaredError } from './regression-metrics';
import { METRIC_CONTEXT_KEYS, type MetricContext, resolveAccuracy } from './resolve-accuracy';

/** Keras's names of the built-in metrics (classes and their snake_case names), beside every loss name. */
export type KerasMetricName =
  | 'accuracy' | 'acc' | 'binary_accuracy' | 'categorical_accuracy' | 'sparse_categorical_accuracy'
  | 'top_k_categorical_accuracy' | 'sparse_top_k_categorical_accuracy' | 'precision' | 'recall' | 'auc'
  | 'mean_squared_error' | 'mse' | 'mean_absolute_error' | 'mae' | 'mean_absolute_percentage_error' | 'mape'
  | 'mean_squared_logarithmic_error' | 'msle' | 'root_mean_squared_error' | 'rmse' | 'mean' | 'sum'
  | 'Accuracy' | 'BinaryAccuracy' | 'CategoricalAccuracy' | 'SparseCategoricalAccuracy' | 'TopKCategoricalAccuracy'
  | 'SparseTopKCategoricalAccuracy' | 'Precision' | 'Recall' | 'AUC' | 'MeanSquaredError' | 'MeanAbsoluteError'
  | 'MeanAbsolutePercentageError' | 'MeanSquaredLogarithmicError' | 'RootMeanSquaredError' | 'Mean' | 'Sum'
  | 'f1_score' | 'fbeta_score' | 'r2_score' | 'F1Score' | 'FBetaScore' | 'R2Score'
  | 'io_u' | 'mean_io_u' | 'binary_io_u' | 'one_hot_io_u' | 'one_hot_mean_io_u' | 'IoU' | 'MeanIoU' | 'BinaryIoU' | 'OneHotIoU' | 'OneHotMeanIoU';

/**
 * The names of metrics added with {@link registerMetric}, for the types: extend it by declaration
 * merging (`declare module '@dendrite/losses' { interface CustomMetrics { my_metric: true } }`) and
 * its keys join {@link MetricName}.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
export interface CustomMetrics {}

/** A metric's name as the types accept it: a metric's or a loss's (`'acc'`, `'auc'`, `'mse'`…); `'accuraccy'` is a type error. */
export type MetricName = KerasSpellings<KerasMetricName> | LossName | (keyof CustomMetrics & string);

/**
 * A metric as `compile` accepts it: a name (`'accuracy'`, `'mae'`, `'AUC'`, a loss name), a
 * `{class_name, config}` object, a Metric, a Loss, or a per-sample function.
 */
export type MetricIdentifier = MetricName | KerasSerialized | Metric | Loss | ((yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor);

/** A metric class as the registry needs it: its Keras name and a way to rebuild it. */
export type MetricClass = { className: string; fromConfig(config: Record<string, unknown>): Metric };

/** The metric classes `get` knows by name, with Keras's other names for them. */
const METRICS: ReadonlyArray<[MetricClass, string[]]> = [
  [Accuracy, []],
  [BinaryAccuracy, []],
  [CategoricalAccuracy, []],
  [SparseCategoricalAccuracy, []],
  [TopKCategoricalAccuracy, []],
  [SparseTopKCategoricalAccuracy, []],
  [Precision, []],
  [Recall, []],
  [AUC, []],
  [MeanSquaredError, ['mse']],
  [MeanAbsoluteError, ['mae']],
  [MeanAbsolutePercentageError, ['mape']],
  [MeanSquaredLogarithmicError, ['msle']],
  [RootMeanSquaredError, ['rmse']],
  [Mean, []],
  [Sum, []],
  [FBetaScore, ['fbeta_score']],
  [F1Score, ['f1_score']],
  [R2Score, ['r2_score']],
  // Keras 3 names them io_u, mean_io_u, … (its automatic snake_case of the class names).
  [IoU, ['io_u', 'iou']],
  [MeanIoU, ['mean_io_u', 'mean_iou']],
  [BinaryIoU, ['binary_io_u', 'binary_iou']],
  [OneHotIoU, ['one_hot_io_u', 'one_hot_iou']],
  [OneHotMeanIoU, ['one_hot_mean_io_u', 'one_hot_mean_iou']],
];

// A metric function passed to loadModel's customObjects is averaged as compile averages one.
const registry = new ObjectRegistry<Metric>('metric', (value): value is Metric => value instanceof Metric, (fn, config) => {
  const metricFunction = fn as unknown as (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;
  return new MeanMetricWrapper(metricFunction, typeof config.name === 'string' ? config.name : metricFunction.name || 'custom_metric');
});

/**
 * Registers a custom metric class under its Keras class name (and aliases), so that `compile`
 * and saved compile configs can name it.
 */
export function registerMetric(metricClass: MetricClass, aliases: readonly string[] = []): void {
  registry.register(metricClass.className, (config) => metricClass.fromConfig(config), aliases);
}

for (const [metricClass, aliases] of METRICS) registerMetric(metricClass, aliases);

const ACCURACY_NAMES = new Set(['accuracy', 'acc']);

/** The streaming mean of a loss's per-sample values, named `name`. */
function lossMetric(loss: Loss, name: string): MeanMetricWrapper {
  return new MeanMetricWrapper((yTrue, yPred) => loss.call(yTrue, yPred), name);
}

/**
 * Resolves a metric as Keras's `compile` does:
 * - `'accuracy'` / `'acc'` (any case) becomes binary, categorical or sparse categorical accuracy
 *   for the loss and shapes in `context` ({@link resolveAccuracy});
 * - a metric name in any spelling or alias (`'mae'`, `'mse'`, `'rmse'`, `'binary_accuracy'`,
 *   `'AUC'`, `'Precision'`) gives that metric; a loss name (`'binary_crossentropy'`, `'kld'`)
 *   gives the streaming mean of that loss. A metric built from a name is named by that string,
 *   as Keras 3 does (`'mae'` logs as `mae`);
 * - `{class_name, config}` is deserialized (metric classes first, then loss classes);
 * - a Metric passes through; a Loss or a function `(yTrue, yPred) => perSample` is averaged over
 *   samples (a {@link MeanMetricWrapper} named after it).
 *
 * @param identifier what to resolve
 * @param context the loss name and batch shapes, for `'accuracy'`
 * @returns a Metric (new, except a Metric passed in)
 * @throws Error for an unknown name (listing the known ones) or anything else
 * @example
 * ```ts
 * get('accuracy', { lossName: 'sparse_categorical_crossentropy' }); // SparseCategoricalAccuracy named 'accuracy'
 * get('mae').name;                       // 'mae'
 * get({ class_name: 'AUC', config: { curve: 'PR' } });
 * ```
 */
export function get(identifier: MetricIdentifier | (string & {}), context: MetricContext = {}): Metric {
  checkOptionKeys(context, METRIC_CONTEXT_KEYS, 'metrics.get');
  if (identifier instanceof Metric) return identifier;
  if (identifier instanceof Loss) return lossMetric(identifier, identifier.name);
  if (typeof identifier === 'function') return new MeanMetricWrapper(identifier, identifier.name || 'custom_metric');
  if (typeof identifier === 'string') {
    if (ACCURACY_NAMES.has(normalizeIdentifier(identifier))) {
      const kind = resolveAccuracy(context);
      if (kind === 'binary') return new BinaryAccuracy({ name: identifier });
      return kind === 'sparse_categorical' ? new SparseCategoricalAccuracy({ name: identifier }) : new CategoricalAccuracy({ name: identifier });
    }
    if (registry.has(identifier)) return registry.get({ class_name: registry.className(identifier), config: { name: identifier } });
    if (isLossName(identifier)) return lossMetric(getLoss(identifier), identifier);
    throw new UnknownObjectError('metric', identifier, `Unknown metric "${identifier}": expected accuracy, acc, one of ${registry.names().join(', ')}, their snake_case names, or a loss name`);
  }
  if (isKerasSerialized(identifier)) {
    if (registry.has(identifier.class_name)) return registry.get(identifier);
    if (isLossName(identifier.class_name)) {
      const loss = getLoss(identifier);
      return lossMetric(loss, loss.name);
    }
    throw new UnknownObjectError('metric', identifier.class_name, `Unknown metric class "${identifier.class_name}": expected one of ${registry.names().join(', ')} or a loss class`);
  }
  throw new Error(`Expected a metric name, a {class_name, config} object, a Metric, a Loss or a function, received ${describeValue(identifier)}`);
}

/**
 * A metric as Keras saves it: `{class_name, config}`.
 *
 * @example
 * ```ts
 * serialize(new AUC({ curve: 'PR' })); // { class_name: 'AUC', config: { name: 'auc', num_thresholds: 200, curve: 'PR', … } }
 * ```
 */
export function serialize(metric: Metric): KerasSerialized {
  return { class_name: metric.className, config: metric.getConfig() };
}

/**
 * Rebuilds a metric from {@link serialize}'s output.
 *
 * @throws Error for an unknown class name or config key
 * @example
 * ```ts
 * deserialize({ class_name: 'Precision', config: { thresholds: 0.7 } });
 * ```
 */
export function deserialize(config: KerasSerialized): Metric {
  return registry.get(config);
}
