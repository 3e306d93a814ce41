import { tf } from '@dendrite/backend';

/**
 * Repeats every entry along `axis` `factor` times (NumPy's `repeat`, Keras's nearest upsampling):
 * `[a, b]` → `[a, a, b, b]`. Built from tile and reshape, whose gradients every backend has.
 *
 * @param x any tensor
 * @param factor repetitions (≥ 1)
 * @param axis the axis to stretch
 * @returns `x` with `axis` `factor` times longer
 * @example
 * ```ts
 * repeatElements(tf.tensor2d([[1, 2]]), 2, 1); // [[1, 1, 2, 2]]
 * ```
 */
export function repeatElements(x: tf.Tensor, factor: number, axis: number): tf.Tensor {
  if (factor === 1) return x;
  const shape = x.shape;
  // Folded to rank 4 around the axis: tfjs differentiates tile up to rank 4 only.
  const before = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const after = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const folded = tf.reshape(x, [before, shape[axis], 1, after]);
  return tf.reshape(tf.tile(folded, [1, 1, factor, 1]), shape.map((size, i) => (i === axis ? size * factor : size)));
}

/**
 * Bilinear upsampling of channels-last images by integer factors, equal to TensorFlow's
 * `tf.image.resize(..., method="bilinear")`: half-pixel centres, edges clamped. Its gradient is
 * @dendrite/backend's ResizeBilinearGrad (tfjs 4.22's is wrong on cpu for non-square images and
 * ignores half-pixel centres on wasm).
 *
 * @param x `[batch, height, width, channels]`
 * @param factors `[rows, columns]` upsampling factors
 * @returns `[batch, height · rows, width · columns, channels]`
 * @example
 * ```ts
 * bilinearUpsample2d(tf.tensor4d([0, 1], [1, 1, 2, 1]), [1, 2]); // [0, 0.25, 0.75, 1]
 * ```
 */
export function bilinearUpsample2d(x: tf.Tensor4D, factors: [number, number]): tf.Tensor4D {
  const [, height, width] = x.shape;
  return tf.image.resizeBilinear(x, [height * factors[0], width * factors[1]], false, true);
}
