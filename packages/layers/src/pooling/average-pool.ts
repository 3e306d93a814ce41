import { tf } from '@dendrite/backend';

/** TensorFlow's "SAME" padding `[before, after]` of one axis. */
function samePadding(size: number, window: number, stride: number): [number, number] {
  const outputs = Math.ceil(size / stride);
  const total = Math.max((outputs - 1) * stride + window - size, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/** Per output position of one axis: the window size over the number of window cells inside the input. */
function edgeScales(size: number, window: number, stride: number, before: number): number[] {
  return Array.from({ length: Math.ceil(size / stride) }, (_, index) => {
    const start = index * stride - before;
    return window / (Math.min(size, start + window) - Math.max(0, start));
  });
}

/**
 * Channels-last 2-D average pooling with TensorFlow's semantics: with `same` padding, each
 * window averages the cells inside the input only. tfjs's `avgPool` computes that forward, but
 * its gradient divides by the full window near the border; here `same` runs as a `valid` pooling
 * of the zero-padded input, rescaled by window size over cells inside, so the gradient is right.
 *
 * @param x `[batch, height, width, channels]`
 * @param poolSize `[height, width]` of the window
 * @param strides `[height, width]` steps
 * @param padding valid or same
 * @returns the pooled tensor
 * @example
 * ```ts
 * averagePool2d(tf.ones([1, 5, 5, 1]), [3, 3], [2, 2], 'same'); // all ones, 3×3
 * ```
 */
export function averagePool2d(x: tf.Tensor4D, poolSize: [number, number], strides: [number, number], padding: 'valid' | 'same'): tf.Tensor4D {
  if (padding === 'valid') return tf.avgPool(x, poolSize, strides, 'valid');
  const [, height, width] = x.shape;
  const rows = samePadding(height, poolSize[0], strides[0]);
  const columns = samePadding(width, poolSize[1], strides[1]);
  if (rows[0] + rows[1] + columns[0] + columns[1] === 0) return tf.avgPool(x, poolSize, strides, 'valid');
  const pooled = tf.avgPool(tf.pad(x, [[0, 0], rows, columns, [0, 0]]), poolSize, strides, 'valid');
  const rowScales = edgeScales(height, poolSize[0], strides[0], rows[0]);
  const columnScales = edgeScales(width, poolSize[1], strides[1], columns[0]);
  const scales = rowScales.flatMap((rowScale) => columnScales.map((columnScale) => rowScale * columnScale));
  return tf.mul(pooled, tf.tensor4d(scales, [1, rowScales.length, columnScales.length, 1]));
}
