import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { type Shape, singleShape } from '../engine/shape';
import { type DataFormat, checkDataFormat } from '../convolutional/check-data-format';

/** Arguments of {@link Flatten}. */
export interface FlattenArgs extends LayerArgs {
  /** Only `channels_last` is supported. */
  dataFormat?: string;
}

/**
 * Flattens every axis after the batch (Keras's `Flatten`): `[batch, 28, 28, 1]` → `[batch, 784]`;
 * a `[batch]` input becomes `[batch, 1]`.
 *
 * @example
 * ```ts
 * const layer = new Flatten(); // before the Dense head of a CNN
 * ```
 */
export class Flatten extends Layer {
  static override className = 'Flatten';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<FlattenArgs, LayerArgs>({ dataFormat: true });
  readonly dataFormat: DataFormat;

  /**
   * @param args the common layer arguments
   * @throws Error naming the layer for channels_first
   */
  constructor(args: FlattenArgs = {}) {
    super(args);
    this.dataFormat = checkDataFormat(args.dataFormat, this.name);
    this.inputSpec = { minNdim: 1 };
  }

  override call(inputs: TensorOrList): tf.Tensor {
    const x = inputs as tf.Tensor;
    return tf.reshape(x, [x.shape[0], -1]);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    const rest = shape.slice(1);
    return [shape[0], rest.some((size) => size === null) ? null : (rest as number[]).reduce((a, b) => a * b, 1)];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), data_format: this.dataFormat };
  }
}

registerLayer(Flatten);

/**
 * Makes a {@link Flatten} layer.
 *
 * @example
 * ```ts
 * const layer = flatten();
 * ```
 */
export function flatten(args: FlattenArgs = {}): Flatten {
  return new Flatten(args);
}
