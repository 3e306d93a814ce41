import { tf } from '@dendrite/backend';
import { Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { type Shape, singleShape } from '../engine/shape';
import { checkPositiveInteger } from '../core/argument-checks';

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
  readonly n: number;

  /**
   * @param args n
   * @throws Error naming the layer unless n is an integer ≥ 1
   */
  constructor(args: RepeatVectorArgs) {
    super(args);
    this.n = checkPositiveInteger(args.n, 'n', this.name);
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
 * @example
 * ```ts
 * const layer = repeatVector({ n: 4 });
 * ```
 */
export function repeatVector(args: RepeatVectorArgs): RepeatVector {
  return new RepeatVector(args);
}
