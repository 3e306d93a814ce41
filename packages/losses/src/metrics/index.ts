/**
 * Keras's streaming metrics, the stateless metric functions (Keras's `keras.metrics.*`
 * functions, loss functions included), and `get` to resolve any identifier.
 */
export { Metric } from './metric';
export { WeightedMean, Mean, Sum, MeanMetricWrapper } from './mean';
export {
  accuracy,
  binaryAccuracy,
  categoricalAccuracy,
  sparseCategoricalAccuracy,
  topKCategoricalAccuracy,
  sparseTopKCategoricalAccuracy,
  type BinaryAccuracyOptions,
  type TopKOptions,
} from './accuracy-functions';
export {
  Accuracy,
  BinaryAccuracy,
  CategoricalAccuracy,
  SparseCategoricalAccuracy,
  TopKCategoricalAccuracy,
  SparseTopKCategoricalAccuracy,
  type MetricArgs,
} from './accuracy-metrics';
export { MeanSquaredError, MeanAbsoluteError, MeanAbsolutePercentageError, MeanSquaredLogarithmicError, RootMeanSquaredError } from './regression-metrics';
export { confusionCounts, bucketedConfusionCounts, NEG_INF, type ConfusionCounts, type ConfusionOptions } from './confusion-counts';
export { Precision, Recall, type ConfusionRatioArgs } from './precision-recall';
export { AUC, type AUCArgs } from './auc';
export { FBetaScore, F1Score, type FBetaScoreArgs, type F1ScoreArgs, type ScoreAverage } from './f-beta-score';
export { R2Score, type R2ScoreArgs, type ClassAggregation } from './r2-score';
export { IoU, type IoUArgs } from './iou';
export { MeanIoU, BinaryIoU, OneHotIoU, OneHotMeanIoU, type MeanIoUArgs, type BinaryIoUArgs, type OneHotIoUArgs, type OneHotMeanIoUArgs } from './iou-variants';
export { resolveAccuracy, type AccuracyKind, type MetricContext } from './resolve-accuracy';
export { get, serialize, deserialize, registerMetric, type MetricClass, type MetricIdentifier, type MetricName, type KerasMetricName, type CustomMetrics } from './get-metric';
// Keras exports its loss functions as metric functions too (`keras.metrics.mean_squared_error`).
export {
  meanSquaredError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredLogarithmicError,
  mse,
  mae,
  mape,
  msle,
  MSE,
  MAE,
  MAPE,
  MSLE,
  binaryCrossentropy,
  categoricalCrossentropy,
  sparseCategoricalCrossentropy,
  hinge,
  squaredHinge,
  categoricalHinge,
  kullbackLeiblerDivergence,
  kld,
  KLD,
  klDivergence,
  poisson,
  huber,
  logCosh,
} from '../losses/index';
