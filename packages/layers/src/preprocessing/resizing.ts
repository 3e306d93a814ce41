import { tf } from '@dendrite/backend';
import { optionKeys, checkOneOf, layerOwner } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import type { ImageInterpolation } from './image-preprocessing';
import { SizedImageLayer, type SizedImageArgs } from './sized-image-layer';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link Resizing}. */
export interface ResizingArgs extends SizedImageArgs {
  /** 'bilinear' (default) or 'nearest', with half-pixel centres as TensorFlow. */
  interpolation?: ImageInterpolation;
  /** Crop the largest centred window of the target aspect ratio first, so nothing is distorted. */
  cropToAspectRatio?: boolean;
}

/** Resizes a batch, optionally after a centred crop to the target's aspect ratio (Keras's smart resize). */
export function resizeBatch(batch: tf.Tensor4D, height: number, width: number, interpolation: ImageInterpolation, cropToAspectRatio: boolean): tf.Tensor4D {
  let x = batch;
  if (cropToAspectRatio) {
    const [, h, w] = x.shape;
    const cropHeight = Math.min(h, Math.floor((w * height) / width));
    const cropWidth = Math.min(w, Math.floor((h * width) / height));
    x = tf.slice(x, [0, Math.floor((h - cropHeight) / 2), Math.floor((w - cropWidth) / 2), 0], [-1, cropHeight, cropWidth, -1]);
  }
  if (x.shape[1] === height && x.shape[2] === width) return x;
  return interpolation === 'nearest' ? tf.image.resizeNearestNeighbor(x, [height, width], false, true) : tf.image.resizeBilinear(x, [height, width], false, true);
}

/** Keras's `Resizing`: every image to `height × width`. */
export class Resizing extends SizedImageLayer {
  static override className = 'Resizing';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<ResizingArgs, SizedImageArgs>({ interpolation: true, cropToAspectRatio: true });
  readonly interpolation: ImageInterpolation;
  readonly cropToAspectRatio: boolean;

  /** @throws Error naming the layer for a bad size or interpolation */
  constructor(args: ResizingArgs) {
    super(args);
    this.interpolation = checkOneOf(args.interpolation ?? 'bilinear', ['bilinear', 'nearest'] as const, 'interpolation', layerOwner(this.name));
    this.cropToAspectRatio = args.cropToAspectRatio ?? false;
  }

  protected toSize(batch: tf.Tensor4D): tf.Tensor4D {
    return resizeBatch(batch, this.height, this.width, this.interpolation, this.cropToAspectRatio);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), interpolation: this.interpolation, crop_to_aspect_ratio: this.cropToAspectRatio };
  }
}

registerLayer(Resizing);

/**
 * Makes a {@link Resizing} layer.
 *
 * Keras's positional arguments may come first, as `Resizing(height, width, ...)`: `resizing(height, width, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 */
export function resizing(args: ResizingArgs): Resizing;
export function resizing(height: NonNullable<ResizingArgs['height']>, width: NonNullable<ResizingArgs['width']>, options?: Omit<ResizingArgs, 'height' | 'width'>): Resizing;
export function resizing(...values: unknown[]): Resizing {
  return new Resizing(positionalOptions<ResizingArgs>(values, ['height', 'width'], 'layer Resizing'));
}
