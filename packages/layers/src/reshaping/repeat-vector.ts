import { tf } from '@dendrite/backend';
import { optionKeys, checkPositiveInteger, layerOwner } from '@dendrite/backend/internal';
import { Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { type Shape, singleShape } from '../engine/shape';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link RepeatVector}. */
export interface RepeatVectorArgs extends LayerArgs {
  /** Number of repetitions (≥ 1). */
  n: number;
}

/**
 * Repeats a `[batch, features]` input `n` times (Keras's `RepeatVector`): `[batch, n, features]`,
 * as the bridge from an encoder's vector to a decoder's sequence.
 *
 * @example
 * ```ts
 * const layer = new RepeatVector({ n: 3 }); // [batch, 32] → [batch, 3, 32]
 * ```
 */
export class RepeatVector extends Layer {
  static override className = 'RepeatVector';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<RepeatVectorArgs, LayerArgs>({ n: true });
  readonly n: number;

  /**
   * @param args n
   * @throws Error naming the layer unless n is an integer ≥ 1
   */
  constructor(args: RepeatVectorArgs) {
    super(args);
    this.n = checkPositiveInteger(args.n, 'n', layerOwner(this.name));
    this.inputSpec = { ndim: 2 };
  }

  override call(inputs: TensorOrList): tf.Tensor {
    return tf.tile(tf.expandDims(inputs as tf.Tensor, 1), [1, this.n, 1]);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    return [shape[0], this.n, shape[1]];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), n: this.n };
  }
}

registerLayer(RepeatVector);

/**
 * Makes a {@link RepeatVector} layer.
 *
 * Keras's positional arguments may come first, as `RepeatVector(n, ...)`: `repeatVector(n, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * const layer = repeatVector({ n: 4 });
 * ```
 */
export function repeatVector(args: RepeatVectorArgs): RepeatVector;
export function repeatVector(n: NonNullable<RepeatVectorArgs['n']>, options?: Omit<RepeatVectorArgs, 'n'>): RepeatVector;
export function repeatVector(...values: unknown[]): RepeatVector {
  return new RepeatVector(positionalOptions<RepeatVectorArgs>(values, ['n'], 'layer RepeatVector'));
}
