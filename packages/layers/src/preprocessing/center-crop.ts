import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { resizeBatch } from './resizing';
import { SizedImageLayer, type SizedImageArgs } from './sized-image-layer';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link CenterCrop}: the `height` and `width` of the window. */
export type CenterCropArgs = SizedImageArgs;

/**
 * Keras's `CenterCrop`: the centred `height × width` window of each image; an image smaller than
 * that is first resized (after a centred crop to the target's aspect ratio), as Keras 3 does.
 */
export class CenterCrop extends SizedImageLayer {
  static override className = 'CenterCrop';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<CenterCropArgs, SizedImageArgs>({});

  protected toSize(batch: tf.Tensor4D): tf.Tensor4D {
    const [, h, w] = batch.shape;
    if (h < this.height || w < this.width) return resizeBatch(batch, this.height, this.width, 'bilinear', true);
    return tf.slice(batch, [0, Math.floor((h - this.height) / 2), Math.floor((w - this.width) / 2), 0], [-1, this.height, this.width, -1]);
  }
}

registerLayer(CenterCrop);

/**
 * Makes a {@link CenterCrop} layer.
 *
 * Keras's positional arguments may come first, as `CenterCrop(height, width, ...)`: `centerCrop(height, width, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 */
export function centerCrop(args: CenterCropArgs): CenterCrop;
export function centerCrop(height: NonNullable<CenterCropArgs['height']>, width: NonNullable<CenterCropArgs['width']>, options?: Omit<CenterCropArgs, 'height' | 'width'>): CenterCrop;
export function centerCrop(...values: unknown[]): CenterCrop {
  return new CenterCrop(positionalOptions<CenterCropArgs>(values, ['height', 'width'], 'layer CenterCrop'));
}
