import { createRandom, describeValue, tf } from '@dendrite/backend';
import type { Shape } from '../engine/shape';

/** Fill modes of the random affine layers, as Keras's `fill_mode`. */
export type LayerFillMode = 'reflect' | 'wrap' | 'constant' | 'nearest';
/** Interpolations of the image layers. */
export type ImageInterpolation = 'bilinear' | 'nearest';

/**
 * A factor as Keras takes it: `f` for `[-f, f]`, or `[lower, upper]`.
 *
 * @throws Error naming the layer and the argument
 */
export function factorRange(value: number | [number, number], argument: string, layerName: string, bound = Infinity): [number, number] {
  const [lower, upper] = typeof value === 'number' ? [-Math.abs(value), Math.abs(value)] : (value ?? []);
  if (!(Number.isFinite(lower) && Number.isFinite(upper) && lower <= upper && Math.abs(lower) <= bound && Math.abs(upper) <= bound)) {
    throw new Error(`Expected ${argument} to be a number or [lower, upper] with lower ≤ upper${bound < Infinity ? ` within [-${bound}, ${bound}]` : ''}, received ${describeValue(value)} in layer "${layerName}"`);
  }
  return [lower, upper];
}

/** @throws Error naming the layer when the input is not `[h, w, c]` or `[n, h, w, c]` */
export function checkImageRank(shape: Shape | number[], layerName: string): void {
  if (shape.length !== 3 && shape.length !== 4) {
    throw new Error(`Expected inputs of rank 3 [height, width, channels] or 4 [batch, height, width, channels], received [${shape.map((s) => (s === null ? 'null' : s)).join(', ')}] in layer "${layerName}"`);
  }
}

/**
 * Runs `body` on a batch: a single image `[h, w, c]` gets a batch axis for it and loses it after.
 * Layers call it inside `call`, whose intermediates `apply` frees.
 */
export function asBatch(x: tf.Tensor, body: (batch: tf.Tensor4D) => tf.Tensor4D): tf.Tensor {
  return x.rank === 4 ? body(x as tf.Tensor4D) : tf.squeeze(body(tf.expandDims(x, 0) as tf.Tensor4D), [0]);
}

/** `n` uniform draws in [lower, upper) from a seed (or the global stream when undefined). */
export function uniformDraws(n: number, [lower, upper]: [number, number], seed: number | undefined): number[] {
  const draw = createRandom(seed);
  return Array.from({ length: n }, () => lower + (upper - lower) * draw());
}

/** Applies one `tf.image.transform` row per image (inside `call`: `apply` frees the rows tensor). */
export function transformImages(batch: tf.Tensor4D, rows: number[][], interpolation: ImageInterpolation, fillMode: LayerFillMode, fillValue: number): tf.Tensor4D {
  return tf.image.transform(batch, tf.tensor2d(rows.flat(), [rows.length, 8]), interpolation, fillMode, fillValue);
}

/** The shape of images resized to `height × width` (`[…, h, w, c]` → `[…, height, width, c]`). */
export function resizedShape(inputShape: Shape, height: number, width: number, layerName: string): Shape {
  checkImageRank(inputShape, layerName);
  const shape = [...inputShape];
  shape[shape.length - 3] = height;
  shape[shape.length - 2] = width;
  return shape;
}
