import * as tf from '@tensorflow/tfjs-core';
import { type Matrix3, toTfTransform } from './affine-matrix';

/** How points outside the image are filled, as Keras's `fill_mode`. */
export type FillMode = 'reflect' | 'wrap' | 'constant' | 'nearest';

/** Every {@link FillMode}, in the order Keras's image layers list them. */
export const FILL_MODES: readonly FillMode[] = ['reflect', 'wrap', 'constant', 'nearest'];

/** Whether `value` is a {@link FillMode}. */
export function isFillMode(value: unknown): value is FillMode {
  return (FILL_MODES as readonly unknown[]).includes(value);
}

/** How images are sampled between pixels. */
export type ImageInterpolation = 'bilinear' | 'nearest';

/** Options of {@link transformImages}. */
export interface TransformImagesOptions {
  /** 'bilinear' (default) or 'nearest'. */
  interpolation?: ImageInterpolation;
  /** How points outside the image are filled ('constant' by default, as `tf.image.transform`). */
  fillMode?: FillMode;
  /** The value of `fillMode: 'constant'` (0). */
  fillValue?: number;
}

/**
 * Transforms each image of a batch by its own affine matrix in one `tf.image.transform` call.
 *
 * @param images a batch `[n, h, w, c]` (not disposed)
 * @param matrices one (row, column) matrix per image, mapping an output pixel to the point it samples
 * @returns a new tensor of the same shape
 * @throws Error when there is not one matrix per image
 * @example
 * ```ts
 * const turned = transformImages(batch, [aboutCenter(rotationMatrix(0.3), h, w)], { fillMode: 'reflect' });
 * ```
 */
export function transformImages(images: tf.Tensor4D, matrices: readonly Readonly<Matrix3>[], options: TransformImagesOptions = {}): tf.Tensor4D {
  const n = images.shape[0];
  if (matrices.length !== n) throw new Error(`Expected one transform matrix per image (${n}), received ${matrices.length}`);
  const { interpolation = 'bilinear', fillMode = 'constant', fillValue = 0 } = options;
  return tf.tidy(() => tf.image.transform(images, tf.tensor2d(matrices.flatMap(toTfTransform), [n, 8], 'float32'), interpolation, fillMode, fillValue));
}
