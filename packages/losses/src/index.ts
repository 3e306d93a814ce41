/**
 * @dendrite/losses: Keras's losses and streaming metrics, with Keras 3's math and tfjs-layers'
 * camelCase spelling.
 *
 * - Losses are exported at the top level (`get`, `BinaryCrossentropy`, `meanSquaredError`, …) and
 *   as the `losses` namespace.
 * - Metrics are the `metrics` namespace (`metrics.get('accuracy', context)`, `metrics.AUC`,
 *   `metrics.MeanSquaredError`); the metric names that do not clash with a loss are also exported
 *   at the top level (`Metric`, `Mean`, `AUC`, `binaryAccuracy`, `resolveAccuracy`, …).
 *
 * @example
 * ```ts
 * import { get, metrics } from '@dendrite/losses';
 * const loss = get('categorical_crossentropy');
 * const accuracy = metrics.get('accuracy', { lossName: 'categorical_crossentropy' });
 * ```
 *
 * @packageDocumentation
 */
export * from './losses/index';
export * as losses from './losses/index';
export * as metrics from './metrics/index';
export {
  Metric,
  WeightedMean,
  Mean,
  Sum,
  MeanMetricWrapper,
  accuracy,
  binaryAccuracy,
  categoricalAccuracy,
  sparseCategoricalAccuracy,
  topKCategoricalAccuracy,
  sparseTopKCategoricalAccuracy,
  Accuracy,
  BinaryAccuracy,
  CategoricalAccuracy,
  SparseCategoricalAccuracy,
  TopKCategoricalAccuracy,
  SparseTopKCategoricalAccuracy,
  RootMeanSquaredError,
  Precision,
  Recall,
  AUC,
  confusionCounts,
  bucketedConfusionCounts,
  resolveAccuracy,
  type BinaryAccuracyOptions,
  type TopKOptions,
  type MetricArgs,
  type ConfusionCounts,
  type ConfusionOptions,
  type ConfusionRatioArgs,
  type AUCArgs,
  type AccuracyKind,
  type MetricContext,
  type MetricIdentifier,
  type MetricName,
  type KerasMetricName,
  type CustomMetrics,
} from './metrics/index';
