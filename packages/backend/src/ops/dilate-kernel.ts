import * as tf from '@tensorflow/tfjs-core';

/**
 * Spreads a kernel's leading spatial axes apart by `rate − 1` zeros, so that an ordinary
 * convolution with the result is the dilated (atrous) convolution with the kernel. tfjs computes
 * dilated convolutions but not their gradients; through this kernel both backends can train them.
 *
 * @param kernel `[...spatial, in, out]`
 * @param rates the dilation rate of each spatial axis (1: unchanged)
 * @returns the kernel itself when every rate is 1, else `[...d·(k − 1) + 1, in, out]`
 * @example
 * ```ts
 * dilateKernel(tf.ones([2, 1, 1]), [3]); // [[1], [0], [0], [1]] along the first axis
 * ```
 */
export function dilateKernel<T extends tf.Tensor>(kernel: T, rates: readonly number[]): T {
  let result: tf.Tensor = kernel;
  rates.forEach((rate, axis) => {
    const size = result.shape[axis];
    if (rate === 1 || size === 1) return;
    const shape = result.shape;
    const paddings = Array.from({ length: shape.length + 1 }, (_, i): [number, number] => (i === axis + 1 ? [0, rate - 1] : [0, 0]));
    const spread = tf.reshape(tf.pad(tf.expandDims(result, axis + 1), paddings), [...shape.slice(0, axis), size * rate, ...shape.slice(axis + 1)]);
    const dilatedShape = shape.map((extent, i) => (i === axis ? (size - 1) * rate + 1 : extent));
    result = tf.slice(spread, new Array<number>(shape.length).fill(0), dilatedShape);
  });
  return result as T;
}
