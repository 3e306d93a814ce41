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
 * The `[size · factor, size]` matrix of bilinear upsampling along one axis with half-pixel
 * centres, as TensorFlow's `tf.image.resize(method="bilinear")`: output `i` samples the input at
 * `(i + ½) / factor − ½`, clamped to the edges.
 */
function bilinearMatrix(size: number, factor: number): tf.Tensor2D {
  const weights = new Float32Array(size * factor * size);
  for (let i = 0; i < size * factor; i++) {
    const centre = (i + 0.5) / factor - 0.5;
    const low = Math.floor(centre);
    const fraction = centre - low;
    weights[i * size + Math.min(Math.max(low, 0), size - 1)] += 1 - fraction;
    weights[i * size + Math.min(Math.max(low + 1, 0), size - 1)] += fraction;
  }
  return tf.tensor2d(weights, [size * factor, size]);
}

/** Applies `matrix` (`[out, in]`) along `axis` of `x`. */
function mixAxis(x: tf.Tensor, matrix: tf.Tensor2D, axis: number): tf.Tensor {
  const order = [...x.shape.keys()].filter((i) => i !== axis).concat(axis);
  const moved = tf.transpose(x, order);
  const mixed = tf.matMul(tf.reshape(moved, [-1, x.shape[axis]]), matrix, false, true);
  const movedShape = [...moved.shape.slice(0, -1), matrix.shape[0]];
  const back = order.map((_, i) => order.indexOf(i));
  return tf.transpose(tf.reshape(mixed, movedShape), back);
}

/**
 * Bilinear upsampling of channels-last images by integer factors, equal to TensorFlow's
 * `tf.image.resize(..., method="bilinear")` (half-pixel centres). Runs as two small matrix
 * products, so its gradient is exact on every backend (tfjs-backend-cpu's ResizeBilinearGrad
 * fails on non-square images).
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
  let result: tf.Tensor = x;
  for (const [index, factor] of factors.entries()) {
    if (factor === 1) continue;
    result = mixAxis(result, bilinearMatrix(x.shape[index + 1], factor), index + 1);
  }
  return result as tf.Tensor4D;
}
