/**
 * Keras's `compute_fans`: the fan-in and fan-out of a weight shape. A dense kernel `[in, out]`
 * has fans `in` and `out`; a convolution kernel `[...spatial, in, out]` multiplies both by its
 * receptive field, the product of the spatial sizes; a vector has both fans equal to its length,
 * a scalar 1.
 *
 * @param shape the weight's shape
 * @returns `{ fanIn, fanOut }`
 * @example
 * ```ts
 * computeFans([784, 128]);     // { fanIn: 784, fanOut: 128 }
 * computeFans([3, 3, 32, 64]); // { fanIn: 288, fanOut: 576 }
 * ```
 */
export function computeFans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length === 0) return { fanIn: 1, fanOut: 1 };
  if (shape.length === 1) return { fanIn: shape[0], fanOut: shape[0] };
  if (shape.length === 2) return { fanIn: shape[0], fanOut: shape[1] };
  const receptiveField = shape.slice(0, -2).reduce((product, size) => product * size, 1);
  return { fanIn: shape[shape.length - 2] * receptiveField, fanOut: shape[shape.length - 1] * receptiveField };
}
