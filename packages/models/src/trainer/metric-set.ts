import { tf } from '@dendrite/backend';
import { type Loss, Mean, type Metric, lossFunctionName, metrics as metricsNamespace } from '@dendrite/losses';

/** A metric as `compile` accepts it. */
export type MetricIdentifier = metricsNamespace.MetricIdentifier;

type MetricsArgument = MetricIdentifier[] | MetricIdentifier[][] | Record<string, MetricIdentifier | MetricIdentifier[]>;

function metricName(identifier: MetricIdentifier): string {
  if (typeof identifier === 'string') return identifier;
  if (typeof identifier === 'function') return identifier.name || 'custom_metric';
  if ('class_name' in (identifier as object) && !('updateState' in (identifier as object))) {
    const config = (identifier as { class_name: string; config?: { name?: string } }).config;
    return config?.name ?? (identifier as { class_name: string }).class_name;
  }
  return (identifier as Metric).name;
}

/**
 * The values `fit` logs, in Keras's order: `loss`, each output's loss (when there are several
 * outputs), then each output's metrics (`accuracy`, or `main_output_mae`), then its weighted
 * metrics. As Keras's, `metrics` ignore `sampleWeight` and `classWeight`; `weightedMetrics` are
 * weighted by them (named `weighted_mae` when `mae` is among the metrics too). Metrics are built on
 * the first batch, when the shapes that pick the right accuracy are known.
 */
export class MetricSet {
  private readonly lossTracker = new Mean({ name: 'loss' });
  private readonly outputLossTrackers: Mean[];
  /** Per output: each metric's identifier and whether it takes the sample weights. */
  private readonly identifiers: Array<Array<{ identifier: MetricIdentifier; weighted: boolean }>>;
  private built: Metric[][] | undefined;

  constructor(
    private readonly outputs: string[],
    metrics: MetricsArgument,
    private readonly losses: Loss[],
    weightedMetrics: MetricsArgument = [],
  ) {
    this.outputLossTrackers = outputs.length > 1 ? outputs.map((name) => new Mean({ name: `${name}_loss` })) : [];
    const plain = MetricSet.perOutput(metrics, outputs);
    const weighted = MetricSet.perOutput(weightedMetrics, outputs);
    this.identifiers = outputs.map((_, index) => [
      ...plain[index].map((identifier) => ({ identifier, weighted: false })),
      ...weighted[index].map((identifier) => ({ identifier, weighted: true })),
    ]);
  }

  private static perOutput(metrics: MetricsArgument, outputs: string[]): MetricIdentifier[][] {
    if (Array.isArray(metrics)) {
      const nested = metrics.length > 0 && metrics.every((entry) => Array.isArray(entry));
      if (nested) {
        if (metrics.length !== outputs.length) throw new Error(`Expected ${outputs.length} metric lists (one per output: ${outputs.join(', ')}), received ${metrics.length}`);
        return metrics as MetricIdentifier[][];
      }
      return outputs.map(() => metrics as MetricIdentifier[]);
    }
    const unknown = Object.keys(metrics).filter((key) => !outputs.includes(key));
    if (unknown.length > 0) throw new Error(`Expected metrics keyed by output names (${outputs.join(', ')}), received unknown keys [${unknown.join(', ')}]`);
    return outputs.map((name) => {
      const entry = metrics[name];
      return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
    });
  }

  /** Names of the logged values, in order. */
  names(): string[] {
    const prefix = (output: string) => (this.outputs.length > 1 ? `${output}_` : '');
    const metricNames = this.identifiers.flatMap((list, index) => {
      const plainNames = new Set(list.filter((entry) => !entry.weighted).map((entry) => metricName(entry.identifier)));
      return list.map(({ identifier, weighted }) => {
        const name = metricName(identifier);
        return `${prefix(this.outputs[index])}${weighted && plainNames.has(name) ? `weighted_${name}` : name}`;
      });
    });
    return ['loss', ...this.outputLossTrackers.map((tracker) => tracker.name), ...metricNames];
  }

  private build(y: tf.Tensor[], predictions: tf.Tensor[]): Metric[][] {
    return this.identifiers.map((list, index) =>
      list.map(({ identifier }) =>
        metricsNamespace.get(identifier, {
          lossName: lossFunctionName(this.losses[index]),
          yTrueShape: y[index].shape,
          yPredShape: predictions[index].shape,
        }),
      ),
    );
  }

  /**
   * Accumulates one batch: the total loss, each output's loss, each metric. Call inside `tf.tidy`.
   *
   * A batch's mean loss counts by its sample count, as Keras's
   * `loss_tracker.update_state(loss, sample_weight=batch_size)`: a short last batch weighs what it
   * holds, and the epoch's loss is the mean over samples whatever the batch size. The loss already
   * carries `sampleWeight` (Σ w·loss / batch size), so the epoch's is Σ w·loss / samples.
   */
  update(y: tf.Tensor[], predictions: tf.Tensor[], sampleWeight: tf.Tensor | undefined, total: tf.Tensor, perOutput: tf.Tensor[]): void {
    this.built ??= this.build(y, predictions);
    const batchSize = tf.scalar(predictions[0].shape[0] ?? 1);
    this.lossTracker.updateState(total, batchSize);
    this.outputLossTrackers.forEach((tracker, index) => tracker.updateState(perOutput[index], predictions[index].shape[0] === predictions[0].shape[0] ? batchSize : tf.scalar(predictions[index].shape[0] ?? 1)));
    this.built.forEach((list, index) =>
      list.forEach((metric, position) => metric.updateState(y[index], predictions[index], this.identifiers[index][position].weighted ? sampleWeight : undefined)),
    );
  }

  private resultTensor(): tf.Tensor {
    return tf.tidy(() => {
      const results = [this.lossTracker.result(), ...this.outputLossTrackers.map((tracker) => tracker.result())];
      for (const list of this.built ?? []) for (const metric of list) results.push(tf.reshape(metric.result(), [-1]).slice(0, 1).reshape([]));
      return tf.stack(results);
    });
  }

  /** Every value, read back once (zeros for metrics not built yet). */
  read(): number[] {
    const values = this.resultTensor();
    const numbers = Array.from(values.dataSync());
    values.dispose();
    return this.pad(numbers);
  }

  /** {@link read}, awaiting the backend instead of blocking. */
  async readAsync(): Promise<number[]> {
    const values = this.resultTensor();
    const numbers = Array.from(await values.data());
    values.dispose();
    return this.pad(numbers);
  }

  private pad(numbers: number[]): number[] {
    const expected = this.names().length;
    return numbers.length === expected ? numbers : [...numbers, ...new Array<number>(expected - numbers.length).fill(0)];
  }

  reset(): void {
    this.lossTracker.resetState();
    for (const tracker of this.outputLossTrackers) tracker.resetState();
    for (const list of this.built ?? []) for (const metric of list) metric.resetState();
  }

  dispose(): void {
    this.lossTracker.dispose();
    for (const tracker of this.outputLossTrackers) tracker.dispose();
    for (const list of this.built ?? []) for (const metric of list) metric.dispose();
  }
}
