import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { checkTensor, squeezeOrExpand } from '../utils/shapes';
import { Metric, type MetricArgs } from './metric';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

type Reducer = (x: tf.Tensor, axes: number[]) => tf.Tensor;

/** A weight given as a number: one weight for the whole update, as Keras's `sample_weight=batch_size`. */
function weightTensor(sampleWeight: tf.Tensor | number, owner: string): tf.Tensor {
  if (typeof sampleWeight !== 'number') return checkTensor(sampleWeight, 'sampleWeight', owner);
  if (!Number.isFinite(sampleWeight) || sampleWeight < 0) throw new Error(`Expected sampleWeight to be a tf.Tensor or a finite number ≥ 0, received ${sampleWeight} in ${owner}`);
  return tf.scalar(sampleWeight);
}

/**
 * Keras's `reduce_to_samplewise_values`: per-sample values (extra axes reduced by `reduce`)
 * multiplied by their weights, and the total weight of the batch (its sample count unweighted).
 * A scalar weight weighs the mean of the values (Keras's loss tracker gives the batch size).
 */
function samplewise(values: tf.Tensor, sampleWeight: tf.Tensor | number | undefined, reduce: Reducer, owner: string): { values: tf.Tensor; count: tf.Tensor | number } {
  let v = values.dtype === 'float32' ? values : tf.cast(values, 'float32');
  let count: tf.Tensor | number = v.rank >= 1 ? v.shape[0] : 1;
  if (sampleWeight !== undefined) {
    const given = weightTensor(sampleWeight, owner);
    let w = given;
    [v, w] = squeezeOrExpand(v, w.dtype === 'float32' ? w : tf.cast(w, 'float32'));
    if (v.rank > w.rank) v = reduce(v, range(w.rank, v.rank));
    const fits = w.rank === v.rank && w.shape.every((size, axis) => size === v.shape[axis] || size === 1);
    if (!fits) {
      throw new Error(`Expected sampleWeight of shape [${values.shape[0] ?? ''}] (one per sample) or broadcastable to [${values.shape.join(', ')}], received [${given.shape.join(', ')}] in ${owner}`);
    }
    w = tf.broadcastTo(w, v.shape);
    v = tf.mul(v, w);
    if (w.rank > 1) w = reduce(w, range(1, w.rank));
    count = tf.sum(w);
  }
  if (v.rank > 1) v = reduce(v, range(1, v.rank));
  return { values: v, count };
}

/**
 * A running weighted mean held in two variables, `total` and `count`: the state of {@link Mean},
 * {@link MeanMetricWrapper} and every metric that averages per-sample values. Values with extra
 * axes are averaged per sample first, and a sample counts by its weight, as Keras's `Mean`.
 */
export abstract class WeightedMean extends Metric {
  private readonly total: tf.Variable;
  private readonly count: tf.Variable;

  /**
   * @param name the metric's name
   * @param args the subclass's options, for the option-key check
   */
  constructor(name: string, args?: object) {
    super(name, args);
    this.total = this.addState();
    this.count = this.addState();
  }

  /**
   * Adds values to the running mean, on the device.
   *
   * @param values any shape; `[batch, …]` counts `batch` samples
   * @param sampleWeight optional: `[batch]` or broadcastable to `values`, or a number ≥ 0 that
   *   weighs the mean of `values` (a batch's mean loss with weight = its size)
   * @throws Error when the weights do not fit the values, or a number weight is negative or not finite
   * @example
   * ```ts
   * lossTracker.updateValues(batchLoss, batchSize); // the epoch's loss weighs each batch by its size
   * ```
   */
  updateValues(values: tf.Tensor, sampleWeight?: tf.Tensor | number): void {
    // An empty batch adds nothing (and tfjs-backend-wasm's Sum of an empty tensor is garbage).
    if (checkTensor(values, 'values', this.owner).size === 0) return;
    tf.tidy(() => {
      const { values: weighted, count } = samplewise(values, sampleWeight, tf.mean, this.owner);
      this.total.assign(tf.add(this.total, tf.sum(weighted)));
      this.count.assign(tf.add(this.count, count));
    });
  }

  /** `total / count` (0 before any update). */
  result(): tf.Tensor {
    return tf.tidy(() => tf.divNoNan(this.total, this.count));
  }
}

/**
 * The (weighted) mean of the values it is given, Keras's `Mean`.
 *
 * @example
 * ```ts
 * const mean = new Mean();
 * mean.updateState(tf.tensor1d([1, 3, 5, 7]), tf.tensor1d([1, 1, 0, 0]));
 * mean.resultValue(); // 2
 * ```
 */
export class Mean extends WeightedMean {
  static override className = 'Mean';
  static override readonly optionKeys = optionKeys<MetricArgs, MetricArgs>({});

  /**
   * @param args `name` (`mean`)
   * @throws TypeError for an unknown option
   */
  constructor(args: MetricArgs = {}) {
    super(args.name ?? 'mean', args);
  }

  /**
   * Adds `values` (Keras's `Mean.update_state(values, sample_weight)`). This is how a trainer
   * tracks the loss as Keras does: each batch's mean loss with its sample count as the weight, so
   * the epoch's loss is the mean over samples whatever the batch size.
   *
   * @param values any shape
   * @param sampleWeight optional: per-sample weights (a tensor), or a number weighing the mean of `values`
   * @throws Error when the weights do not fit the values
   * @example
   * ```ts
   * const lossTracker = new Mean({ name: 'loss' });
   * lossTracker.updateState(batchLoss, batchSize); // total += loss·batchSize, count += batchSize
   * ```
   */
  updateState(values: tf.Tensor, sampleWeight?: tf.Tensor | number): void {
    this.updateValues(values, sampleWeight);
  }
}

/**
 * The (weighted) sum of the values it is given, Keras's `Sum`.
 *
 * @example
 * ```ts
 * const sum = new Sum();
 * sum.updateState(tf.tensor1d([1, 3, 5, 7]));
 * sum.resultValue(); // 16
 * ```
 */
export class Sum extends Metric {
  static override className = 'Sum';
  static override readonly optionKeys = optionKeys<MetricArgs, MetricArgs>({});
  private readonly total: tf.Variable;

  /**
   * @param args `name` (`sum`)
   * @throws TypeError for an unknown option
   */
  constructor(args: MetricArgs = {}) {
    super(args.name ?? 'sum', args);
    this.total = this.addState();
  }

  /**
   * Adds `values`, weighted.
   *
   * @param values any shape
   * @param sampleWeight optional weights (a tensor, or a number for all of `values`)
   */
  updateState(values: tf.Tensor, sampleWeight?: tf.Tensor | number): void {
    if (checkTensor(values, 'values', this.owner).size === 0) return;
    tf.tidy(() => {
      const { values: weighted } = samplewise(values, sampleWeight, tf.sum, this.owner);
      this.total.assign(tf.add(this.total, tf.sum(weighted)));
    });
  }

  result(): tf.Tensor {
    return this.total.clone();
  }
}

/** `fn` when it is a function; otherwise an Error naming the metric. */
function checkedFunction(fn: unknown, name: string | undefined): { name?: string } {
  if (typeof fn !== 'function') throw new TypeError(`Expected fn to be a function (yTrue, yPred) => tf.Tensor, received ${typeof fn} in metric "${name ?? 'mean_metric_wrapper'}"`);
  return { name: fn.name || undefined };
}

/**
 * A metric from a per-sample function, averaged over every sample seen: Keras's
 * `MeanMetricWrapper`, what `compile` makes of `metrics: [(yTrue, yPred) => …]`.
 *
 * @example
 * ```ts
 * const metric = new MeanMetricWrapper((t, p) => tf.mean(tf.abs(tf.sub(t, p)), -1), 'my_mae');
 * metric.updateState(yTrue, yPred);
 * ```
 */
export class MeanMetricWrapper extends WeightedMean {
  static override className = 'MeanMetricWrapper';
  static override readonly optionKeys = optionKeys<MetricArgs, MetricArgs>({});

  /**
   * @param fn `(yTrue, yPred) => perSampleValues`
   * @param name the metric's name (the function's name by default)
   * @param args a subclass's options, for the option-key check
   * @throws TypeError for an unknown option
   * @throws Error when `fn` is not a function
   */
  constructor(
    readonly fn: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor,
    name?: string,
    args?: object,
  ) {
    // Checked before super() creates the metric's state variables, so a bad fn leaks none.
    const checked = checkedFunction(fn, name);
    super(name ?? checked.name ?? 'mean_metric_wrapper', args);
  }

  /**
   * Rebuilds a subclass (`BinaryAccuracy`, `MeanSquaredError`…) from its config. A bare
   * MeanMetricWrapper cannot be: its function is not serializable.
   *
   * @throws Error for a bare MeanMetricWrapper, or a key the subclass does not take
   */
  static override fromConfig<T extends Metric>(this: new (args: never) => T, config: Record<string, unknown>): T {
    if ((this as unknown) === MeanMetricWrapper) {
      throw new Error(`Expected a MeanMetricWrapper subclass to rebuild from a config, received MeanMetricWrapper itself (config ${JSON.stringify(config)}): a wrapped function cannot be serialized`);
    }
    return Metric.fromConfig.call(this, config) as T;
  }

  /**
   * Adds `fn(yTrue, yPred)` for one batch.
   *
   * @throws Error when the function rejects the shapes, or the weights do not fit
   */
  updateState(yTrue: tf.Tensor, yPred: tf.Tensor, sampleWeight?: tf.Tensor): void {
    tf.tidy(() => this.updateValues(this.fn(yTrue, yPred), sampleWeight));
  }
}
