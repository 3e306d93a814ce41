import { optionKeys, checkPositiveInteger, layerOwner } from '@dendrite/backend/internal';
import type { tf } from '@dendrite/backend';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import type { Shape } from '../engine/shape';
import { asBatch, imageInputSpec } from './image-preprocessing';

/** Arguments of the layers that bring images to one size. */
export interface SizedImageArgs extends LayerArgs {
  /** The output height, an integer ≥ 1. */
  height: number;
  /** The output width, an integer ≥ 1. */
  width: number;
}

/**
 * The base of Resizing and CenterCrop: images `[h, w, c]` or `[n, h, w, c]` in (checked by the
 * layer's `inputSpec`), each brought to `height × width` by {@link toSize}.
 */
export abstract class SizedImageLayer extends Layer {
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<SizedImageArgs, LayerArgs>({ height: true, width: true });
  readonly height: number;
  readonly width: number;

  /** @throws Error naming the layer for a height or width that is not an integer ≥ 1 */
  constructor(args: SizedImageArgs) {
    super(args);
    this.height = checkPositiveInteger(args.height, 'height', layerOwner(this.name));
    this.width = checkPositiveInteger(args.width, 'width', layerOwner(this.name));
    this.inputSpec = imageInputSpec();
  }

  /** A batch `[n, h, w, c]` brought to `[n, height, width, c]`. */
  protected abstract toSize(batch: tf.Tensor4D): tf.Tensor4D;

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    return asBatch(inputs as tf.Tensor, (batch) => this.toSize(batch));
  }

  /** `[…, h, w, c]` → `[…, height, width, c]`. */
  override computeOutputShape(inputShape: Shape): Shape {
    const shape = [...inputShape];
    shape[shape.length - 3] = this.height;
    shape[shape.length - 2] = this.width;
    return shape;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), height: this.height, width: this.width };
  }
}
