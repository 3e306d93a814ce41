import { tf } from '@dendrite/backend';
import { checkOneOf, checkPositiveInteger, layerOwner, optionKeys } from '@dendrite/backend/internal';
import type { CallArgs, LayerArgs, TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { Shape } from '../engine/shape';
import { encodeCategorical, encodedShape } from './encode-categorical';
import { ListInputLayer } from './list-input-layer';

/** Arguments of {@link CategoryEncoding}. */
export interface CategoryEncodingArgs extends LayerArgs {
  /** How many categories: inputs are integers in `[0, numTokens)`. */
  numTokens: number;
  /** `multi_hot` (default), `one_hot` or `count`. */
  outputMode?: 'one_hot' | 'multi_hot' | 'count';
  /** Sparse outputs (not supported: false only). */
  sparse?: boolean;
}

/**
 * Keras's `CategoryEncoding`: integer categories as `one_hot` (one row per value; a last axis of
 * 1 is replaced), `multi_hot` or `count` vectors along the last axis (a rank-1 input is one sample).
 *
 * @example
 * ```ts
 * layers.categoryEncoding({ numTokens: 4, outputMode: 'multi_hot' }).apply([[0, 1], [0, 0], [1, 2], [3, 1]]);
 * // [[1, 1, 0, 0], [1, 0, 0, 0], [0, 1, 1, 0], [0, 1, 0, 1]]
 * ```
 */
export class CategoryEncoding extends ListInputLayer {
  static override className = 'CategoryEncoding';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<CategoryEncodingArgs, LayerArgs>({ numTokens: true, outputMode: true, sparse: true });
  readonly numTokens: number;
  readonly outputMode: 'one_hot' | 'multi_hot' | 'count';

  /**
   * @throws TypeError / RangeError naming the layer for a bad numTokens or outputMode, or sparse
   */
  constructor(args: CategoryEncodingArgs) {
    super(args);
    this.autoCastInputs = false;
    const owner = layerOwner(this.name);
    this.numTokens = checkPositiveInteger(args.numTokens, 'numTokens', owner);
    this.outputMode = checkOneOf(args.outputMode ?? 'multi_hot', ['one_hot', 'multi_hot', 'count'], 'outputMode', owner);
    if (args.sparse === true) throw new RangeError(`Expected sparse to be false in ${owner}: Dendrite has no sparse tensors, received true`);
  }

  /** @throws RangeError naming the layer for a value outside `[0, numTokens)` */
  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const { values, shape } = this.hostInputs(inputs);
    const bad = values.find((value) => !(typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < this.numTokens));
    if (bad !== undefined) throw new RangeError(`Expected inputs of ${layerOwner(this.name)} to be integers in [0, ${this.numTokens}), received ${JSON.stringify(bad)}`);
    return encodeCategorical(values as number[], shape, this.outputMode, this.numTokens, layerOwner(this.name));
  }

  override computeOutputShape(inputShape: Shape): Shape {
    return encodedShape(inputShape, this.outputMode, this.numTokens);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), num_tokens: this.numTokens, output_mode: this.outputMode, sparse: false };
  }
}

registerLayer(CategoryEncoding);

/**
 * Makes a {@link CategoryEncoding} layer.
 *
 * @throws TypeError for an unknown option
 */
export function categoryEncoding(args: CategoryEncodingArgs): CategoryEncoding {
  return new CategoryEncoding(args);
}
