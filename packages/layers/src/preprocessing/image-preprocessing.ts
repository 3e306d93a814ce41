import { tf } from '@dendrite/backend';
import { type FillMode, describeValue } from '@dendrite/backend/internal';
import type { InputSpec } from '../engine/input-spec';

/** Fill modes of the random affine layers, as Keras's `fill_mode` (@dendrite/backend's {@link FillMode}). */
export type LayerFillMode = FillMode;
/** How the image layers sample between pixels: 'bilinear' or 'nearest' (from @dendrite/backend). */
export type { ImageInterpolation } from '@dendrite/backend/internal';

/**
 * The input spec of every image layer here: images `[h, w, c]` or batches `[n, h, w, c]`. A fresh
 * object each time, so a layer may change its own.
 */
export function imageInputSpec(): InputSpec {
  return { minNdim: 3, maxNdim: 4 };
}

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

/**
 * Runs `body` on a batch: a single image `[h, w, c]` gets a batch axis for it and loses it after.
 * Layers call it inside `call`, whose intermediates `apply` frees.
 */
export function asBatch(x: tf.Tensor, body: (batch: tf.Tensor4D) => tf.Tensor4D): tf.Tensor {
  return x.rank === 4 ? body(x as tf.Tensor4D) : tf.squeeze(body(tf.expandDims(x, 0) as tf.Tensor4D), [0]);
}
