import { tf } from '@dendrite/backend';
import { describeValue, optionKeys } from '@dendrite/backend/internal';
import { Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { type Shape, singleShape } from '../engine/shape';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link Permute}. */
export interface PermuteArgs extends LayerArgs {
  /** The new order of the axes after the batch, counted from 1 as Keras: `[2, 1]` swaps them. */
  dims: number[];
}

/**
 * Permutes the axes after the batch (Keras's `Permute`); `dims` counts from 1, the batch axis
 * stays first.
 *
 * @example
 * ```ts
 * const layer = new Permute({ dims: [2, 1] }); // [batch, 10, 64] → [batch, 64, 10]
 * ```
 */
export class Permute extends Layer {
  static override className = 'Permute';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<PermuteArgs, LayerArgs>({ dims: true });
  readonly dims: number[];

  /**
   * @param args dims
   * @throws Error naming the layer unless dims is a permutation of 1…n
   */
  constructor(args: PermuteArgs) {
    super(args);
    const dims = args.dims;
    const sorted = Array.isArray(dims) ? [...dims].sort((a, b) => a - b) : [];
    if (sorted.length === 0 || sorted.some((axis, index) => axis !== index + 1)) {
      throw new Error(`Expected dims to be a permutation of 1…${sorted.length || 'n'} (the axes after the batch), received ${describeValue(dims)} in layer "${this.name}"`);
    }
    this.dims = [...dims];
    this.inputSpec = { ndim: dims.length + 1 };
  }

  override call(inputs: TensorOrList): tf.Tensor {
    return tf.transpose(inputs as tf.Tensor, [0, ...this.dims]);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    return [shape[0], ...this.dims.map((axis) => shape[axis])];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), dims: this.dims };
  }
}

registerLayer(Permute);

/**
 * Makes a {@link Permute} layer.
 *
 * Keras's positional arguments may come first, as `Permute(dims, ...)`: `permute(dims, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * const layer = permute({ dims: [3, 1, 2] });
 * ```
 */
export function permute(args: PermuteArgs): Permute;
export function permute(dims: NonNullable<PermuteArgs['dims']>, options?: Omit<PermuteArgs, 'dims'>): Permute;
export function permute(...values: unknown[]): Permute {
  return new Permute(positionalOptions<PermuteArgs>(values, ['dims'], 'layer Permute'));
}
