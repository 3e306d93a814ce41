import { tf } from '@dendrite/backend';
import { checkNumber, checkOneOf, checkInteger, describeValue, inInterval, layerOwner, optionKeys } from '@dendrite/backend/internal';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { Shape } from '../engine/shape';
import { encodeCategorical, encodedShape } from './encode-categorical';
import { type AdaptData, adaptBatches, hostBatch } from './preprocessing-input';
import { binBoundariesOf, emptySummary, mergeSummaries, summarize } from './quantile-summary';

/** Arguments of {@link Discretization}. */
export interface DiscretizationArgs extends LayerArgs {
  /** Sorted boundaries: bin i holds `boundaries[i−1] ≤ x < boundaries[i]`. */
  binBoundaries?: readonly number[] | null;
  /** How many bins `adapt` makes from the data's quantiles. */
  numBins?: number | null;
  /** The quantile error tolerance of `adapt` (0.01). */
  epsilon?: number;
  /** `int` (bin indices), `one_hot`, `multi_hot` or `count`. */
  outputMode?: 'int' | 'one_hot' | 'multi_hot' | 'count';
  /** Sparse outputs (not supported: false only). */
  sparse?: boolean;
}

/**
 * Keras's `Discretization`: the bin of each value (`numpy.digitize`) among boundaries given or
 * learned by `adapt` from approximate quantiles with Keras's summary algorithm, so adapted
 * boundaries equal Keras's.
 *
 * @example
 * ```ts
 * layers.discretization({ binBoundaries: [0, 1, 2] }).apply(tf.tensor2d([[-1.5, 1, 3.4, 0.5]])); // [[0, 2, 3, 1]]
 * ```
 */
export class Discretization extends Layer {
  static override className = 'Discretization';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<DiscretizationArgs, LayerArgs>({ binBoundaries: true, numBins: true, epsilon: true, outputMode: true, sparse: true });
  /** The boundaries, given or adapted (null before adapt). */
  binBoundaries: number[] | null;
  readonly numBins: number | null;
  readonly epsilon: number;
  readonly outputMode: 'int' | 'one_hot' | 'multi_hot' | 'count';

  /** @throws TypeError / RangeError naming the layer for both or neither of binBoundaries and numBins, or a bad option */
  constructor(args: DiscretizationArgs) {
    super(args);
    const owner = layerOwner(this.name);
    const boundaries = args.binBoundaries ?? null;
    this.numBins = args.numBins == null ? null : checkInteger(args.numBins, 'numBins', owner, 1);
    if ((boundaries === null) === (this.numBins === null)) {
      throw new RangeError(`Expected either binBoundaries or numBins in ${owner}, received ${boundaries === null ? 'neither' : 'both'}`);
    }
    if (boundaries !== null && (!Array.isArray(boundaries) || !boundaries.every((value, index) => typeof value === 'number' && (index === 0 || value >= boundaries[index - 1])))) {
      throw new TypeError(`Expected binBoundaries to be sorted numbers in ${owner}, received ${describeValue(boundaries)}`);
    }
    this.binBoundaries = boundaries === null ? null : [...boundaries];
    this.epsilon = checkNumber(args.epsilon ?? 0.01, 'epsilon', owner, inInterval(0, 1, true));
    this.outputMode = checkOneOf(args.outputMode ?? 'int', ['int', 'one_hot', 'multi_hot', 'count'], 'outputMode', owner);
    if (args.sparse === true) throw new RangeError(`Expected sparse to be false in ${owner}: Dendrite has no sparse tensors, received true`);
  }

  /**
   * Learns `numBins` bins from the data's quantiles (a tensor, a list or a dataset of batches).
   *
   * @throws Error when the layer was given boundaries rather than numBins
   */
  async adapt(data: AdaptData, steps?: number): Promise<void> {
    const owner = layerOwner(this.name);
    if (this.numBins === null) throw new Error(`Expected numBins to adapt ${owner}: it was given binBoundaries`);
    let summary = emptySummary();
    for await (const batch of adaptBatches(data, owner, steps)) {
      summary = mergeSummaries(summarize(batch.values.map(Number), this.epsilon), summary, this.epsilon);
    }
    this.binBoundaries = binBoundariesOf(summary, this.numBins);
  }

  /** @throws Error naming the layer before adapt when no boundaries were given */
  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const boundaries = this.binBoundaries;
    if (boundaries === null) throw new Error(`Expected binBoundaries or a call to adapt before calling ${layerOwner(this.name)}`);
    const { values, shape } = hostBatch(Array.isArray(inputs) ? inputs[0] : inputs, layerOwner(this.name));
    const bins = Int32Array.from(values, (value) => {
      let low = 0;
      let high = boundaries.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (boundaries[middle] <= Number(value)) low = middle + 1;
        else high = middle;
      }
      return low;
    });
    if (this.outputMode === 'int') return tf.tensor(bins, shape, 'int32');
    return encodeCategorical(bins, shape, this.outputMode, boundaries.length + 1, layerOwner(this.name));
  }

  override computeOutputShape(inputShape: Shape): Shape {
    const depth = this.binBoundaries === null ? this.numBins : this.binBoundaries.length + 1;
    return encodedShape(inputShape, this.outputMode, depth);
  }

  override computeOutputDtype(): tf.DataType {
    return this.outputMode === 'int' ? 'int32' : 'float32';
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), bin_boundaries: this.binBoundaries, num_bins: this.numBins, epsilon: this.epsilon, output_mode: this.outputMode, sparse: false };
  }

  /** Rebuilds the layer; an adapted config has both boundaries and numBins, as Keras's. */
  static override fromConfig<T extends Layer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    const boundaries = config.bin_boundaries ?? config.binBoundaries;
    const numBins = config.num_bins ?? config.numBins;
    if (boundaries != null && numBins != null) {
      const layer = Layer.fromConfig.call(this as never, { ...config, bin_boundaries: null, binBoundaries: null }) as unknown as Discretization;
      layer.binBoundaries = [...(boundaries as number[])];
      return layer as unknown as T;
    }
    return Layer.fromConfig.call(this as never, config) as T;
  }
}

registerLayer(Discretization);

/**
 * Makes a {@link Discretization} layer.
 *
 * @throws TypeError for an unknown option
 */
export function discretization(args: DiscretizationArgs): Discretization {
  return new Discretization(args);
}
