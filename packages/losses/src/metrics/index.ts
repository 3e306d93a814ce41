export { Metric, Mean, MeanMetricWrapper } from './metric';
export * from './accuracy-functions';
export {
  BinaryAccuracy,
  CategoricalAccuracy,
  SparseCategoricalAccuracy,
  TopKCategoricalAccuracy,
  SparseTopKCategoricalAccuracy,
  MeanAbsoluteErrorMetric as MeanAbsoluteError,
  MeanSquaredErrorMetric as MeanSquaredError,
  MeanAbsolutePercentageErrorMetric as MeanAbsolutePercentageError,
  MeanSquaredLogarithmicErrorMetric as MeanSquaredLogarithmicError,
  RootMeanSquaredError,
} from './metric-classes';
export { Precision, Recall, confusionCounts } from './confusion-metrics';
export { AUC, type AUCArgs } from './auc';
export { get, serialize, resolveAccuracy, type MetricIdentifier, type MetricContext } from './get-metric';
export { meanAbsoluteError, meanSquaredError, meanAbsolutePercentageError, meanSquaredLogarithmicError } from '../losses/loss-functions';
