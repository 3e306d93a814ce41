/**
 * @dendrite/losses: Keras's losses and streaming metrics. Losses are exported at the top level
 * (`get`, `BinaryCrossentropy`, `meanSquaredError`, …) and as the `losses` namespace; metrics as
 * the `metrics` namespace (`metrics.get('accuracy')`, `metrics.AUC`).
 *
 * @packageDocumentation
 */
export * from './losses/index';
export * as losses from './losses/index';
export * as metrics from './metrics/index';
export { Metric, Mean, MeanMetricWrapper, resolveAccuracy, type MetricIdentifier, type MetricContext } from './metrics/index';
