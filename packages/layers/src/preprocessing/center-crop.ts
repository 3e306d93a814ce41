import { tf } from '@dendrite/backend';
import { registerLayer } from '../engine/layer-registry';
import { resizeBatch } from './resizing';
import { SizedImageLayer, type SizedImageArgs } from './sized-image-layer';

/** Arguments of {@link CenterCrop}: the `height` and `width` of the window. */
export type CenterCropArgs = SizedImageArgs;

/**
 * Keras's `CenterCrop`: the centred `height × width` window of each image; an image smaller than
 * that is first resized (after a centred crop to the target's aspect ratio), as Keras 3 does.
 */
export class CenterCrop extends SizedImageLayer {
  static override className = 'CenterCrop';

  protected toSize(batch: tf.Tensor4D): tf.Tensor4D {
    const [, h, w] = batch.shape;
    if (h < this.height || w < this.width) return resizeBatch(batch, this.height, this.width, 'bilinear', true);
    return tf.slice(batch, [0, Math.floor((h - this.height) / 2), Math.floor((w - this.width) / 2), 0], [-1, this.height, this.width, -1]);
  }
}

registerLayer(CenterCrop);

/** Makes a {@link CenterCrop} layer. */
export function centerCrop(args: CenterCropArgs): CenterCrop {
  return new CenterCrop(args);
}
