import { tf } from '@dendrite/backend';
import { checkBoolean, describeValue, layerOwner, optionKeys } from '@dendrite/backend/internal';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import type { LayerVariable } from '../engine/layer-variable';
import { registerLayer } from '../engine/layer-registry';
import type { Shape } from '../engine/shape';
import { type AdaptData, adaptBatches } from './preprocessing-input';

/** Arguments of {@link Normalization}. */
export interface NormalizationArgs extends LayerArgs {
  /** The axis or axes kept apart (one mean per entry), −1 by default; null for one mean overall. */
  axis?: number | readonly number[] | null;
  /** A mean instead of `adapt` (a number, or one per kept entry). */
  mean?: number | readonly number[] | null;
  /** A variance instead of `adapt`, with `mean`. */
  variance?: number | readonly number[] | null;
  /** Whether to undo the normalization: `mean + x·√variance`. */
  invert?: boolean;
}

/** Keras's `backend.epsilon()`, the smallest standard deviation divided by. */
const EPSILON = 1e-7;

/**
 * Keras's `Normalization`: `(x − mean) / max(√variance, 1e−7)` per entry of the kept `axis`, with
 * mean and variance given or learned by `adapt` (population variance over every other axis);
 * `invert` maps back. Adapted statistics are non-trainable weights `mean` and `variance`.
 *
 * @example
 * ```ts
 * const norm = layers.normalization();
 * await norm.adapt(tf.tensor2d([[1, 10], [3, 30]]));
 * norm.apply(tf.tensor2d([[2, 20]])); // [[0, 0]]
 * ```
 */
export class Normalization extends Layer {
  static override className = 'Normalization';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<NormalizationArgs, LayerArgs>({ axis: true, mean: true, variance: true, invert: true });
  readonly axis: number[];
  readonly invert: boolean;
  private readonly inputMean: number[] | null;
  private readonly inputVariance: number[] | null;
  private meanWeight?: LayerVariable;
  private varianceWeight?: LayerVariable;
  private keptAxes: number[] = [];
  private keptSizes: number[] = [];

  /** @throws TypeError / RangeError naming the layer for a bad axis, a mean without variance, or the reverse */
  constructor(args: NormalizationArgs = {}) {
    super(args);
    const owner = layerOwner(this.name);
    const axis = args.axis === undefined ? [-1] : args.axis === null ? [] : typeof args.axis === 'number' ? [args.axis] : [...args.axis];
    if (!axis.every(Number.isInteger)) throw new TypeError(`Expected axis to be an integer, a list of them or null in ${owner}, received ${describeValue(args.axis)}`);
    this.axis = axis;
    this.invert = checkBoolean(args.invert ?? false, 'invert', owner);
    if ((args.mean == null) !== (args.variance == null)) {
      throw new RangeError(`Expected both mean and variance, or neither, in ${owner}, received ${args.mean == null ? 'variance' : 'mean'} only`);
    }
    const asList = (value: number | readonly number[] | null | undefined, name: string): number[] | null => {
      if (value == null) return null;
      const list = typeof value === 'number' ? [value] : [...value];
      if (!list.every((entry) => typeof entry === 'number' && Number.isFinite(entry))) throw new TypeError(`Expected ${name} to be finite numbers in ${owner}, received ${describeValue(value)}`);
      return list;
    };
    this.inputMean = asList(args.mean, 'mean');
    this.inputVariance = asList(args.variance, 'variance');
  }

  private keptShape(inputShape: Shape): { kept: number[]; sizes: number[] } {
    const rank = inputShape.length;
    const kept = this.axis.map((axis) => (axis < 0 ? axis + rank : axis));
    if (kept.some((axis) => axis < 0 || axis >= rank)) throw new RangeError(`Expected axis in [−${rank}, ${rank}) for inputs of rank ${rank} in ${layerOwner(this.name)}, received ${JSON.stringify(this.axis)}`);
    const sizes = kept.map((axis) => inputShape[axis]);
    if (sizes.some((size) => size === null)) throw new RangeError(`Expected known sizes on the kept axes in ${layerOwner(this.name)}, received shape [${inputShape.join(', ')}]`);
    return { kept, sizes: sizes as number[] };
  }

  override build(inputShape: Shape): void {
    const { kept, sizes } = this.keptShape(inputShape);
    this.keptAxes = kept;
    this.keptSizes = sizes;
    if (this.inputMean !== null) return;
    this.meanWeight = this.addWeight('mean', sizes, { initializer: 'zeros', trainable: false });
    this.varianceWeight = this.addWeight('variance', sizes, { initializer: 'ones', trainable: false });
  }

  /**
   * Learns the mean and variance of every kept entry from data (a tensor, a list, or a dataset
   * of batches), combining batches exactly.
   *
   * @throws Error when the layer was given a mean and variance
   */
  async adapt(data: AdaptData, steps?: number): Promise<void> {
    const owner = layerOwner(this.name);
    if (this.inputMean !== null) throw new Error(`Expected no mean and variance to adapt ${owner}: they were given`);
    let sums: Float64Array | null = null;
    let squares: Float64Array | null = null;
    let count = 0;
    for await (const batch of adaptBatches(data, owner, steps)) {
      const shape = batch.shape;
      if (!this.built) this.maybeBuild(shape);
      const strides = shape.map((_, axis) => shape.slice(axis + 1).reduce((product, size) => product * size, 1));
      const keptSizes = this.keptAxes.map((axis) => shape[axis]);
      const entries = keptSizes.reduce((product, size) => product * size, 1);
      sums ??= new Float64Array(entries);
      squares ??= new Float64Array(entries);
      batch.values.forEach((value, position) => {
        let entry = 0;
        for (const axis of this.keptAxes) entry = entry * shape[axis] + (Math.floor(position / strides[axis]) % shape[axis]);
        sums![entry] += Number(value);
        squares![entry] += Number(value) ** 2;
      });
      count += batch.values.length / entries;
    }
    if (sums === null || squares === null || count === 0) throw new Error(`Expected data to adapt ${owner}, received none`);
    const mean = Array.from(sums, (sum) => sum / count);
    const variance = Array.from(squares, (square, entry) => Math.max(0, square / count - mean[entry] ** 2));
    this.meanWeight!.write(tf.tensor(mean, this.meanWeight!.shape as number[]));
    this.varianceWeight!.write(tf.tensor(variance, this.varianceWeight!.shape as number[]));
  }

  private statistics(rank: number): [tf.Tensor, tf.Tensor] {
    const broadcastShape = Array.from({ length: rank }, (_, axis) => {
      const kept = this.keptAxes.indexOf(axis);
      return kept < 0 ? 1 : this.keptSizes[kept];
    });
    const shaped = (values: tf.Tensor) => (values.size === 1 ? tf.reshape(values, []) : tf.reshape(values, broadcastShape));
    if (this.inputMean !== null) return [shaped(tf.tensor(this.inputMean)), shaped(tf.tensor(this.inputVariance!))];
    return [shaped(this.meanWeight!.read()), shaped(this.varianceWeight!.read())];
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    return tf.tidy(() => {
      const x = inputs as tf.Tensor;
      const [mean, variance] = this.statistics(x.rank);
      const scale = tf.maximum(tf.sqrt(variance), EPSILON);
      return this.invert ? tf.add(mean, tf.mul(x, scale)) : tf.div(tf.sub(x, mean), scale);
    });
  }

  override computeOutputShape(inputShape: Shape): Shape {
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: [...this.axis], invert: this.invert, mean: this.inputMean, variance: this.inputVariance };
  }
}

registerLayer(Normalization);

/**
 * Makes a {@link Normalization} layer.
 *
 * @throws TypeError for an unknown option
 */
export function normalization(args: NormalizationArgs = {}): Normalization {
  return new Normalization(args);
}
