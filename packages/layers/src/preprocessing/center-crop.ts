import { tf } from '@dendrite/backend';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { Shape } from '../engine/shape';
import { asBatch, checkImageRank, resizedShape } from './image-preprocessing';
import { checkPositiveInteger } from '../core/argument-checks';
import { resizeBatch } from './resizing';

/** Arguments of {@link CenterCrop}. */
export interface CenterCropArgs extends LayerArgs {
  height: number;
  width: number;
}

/**
 * Keras's `CenterCrop`: the centred `height × width` window of each image; an image smaller than
 * that is first resized (after a centred crop to the target's aspect ratio), as Keras 3 does.
 */
export class CenterCrop extends Layer {
  static override className = 'CenterCrop';
  readonly height: number;
  readonly width: number;

  /** @throws Error naming the layer for a bad size */
  constructor(args: CenterCropArgs) {
    super(args);
    this.height = checkPositiveInteger(args.height, 'height', this.name);
    this.width = checkPositiveInteger(args.width, 'width', this.name);
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const x = inputs as tf.Tensor;
    checkImageRank(x.shape, this.name);
    return asBatch(x, (batch) => {
      const [, h, w] = batch.shape;
      if (h < this.height || w < this.width) return resizeBatch(batch, this.height, this.width, 'bilinear', true);
      return tf.slice(batch, [0, Math.floor((h - this.height) / 2), Math.floor((w - this.width) / 2), 0], [-1, this.height, this.width, -1]);
    });
  }

  override computeOutputShape(inputShape: Shape): Shape {
    return resizedShape(inputShape, this.height, this.width, this.name);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), height: this.height, width: this.width };
  }
}

registerLayer(CenterCrop);

/** Makes a {@link CenterCrop} layer. */
export function centerCrop(args: CenterCropArgs): CenterCrop {
  return new CenterCrop(args);
}
