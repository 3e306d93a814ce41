/**
 * The gradient of `StridedSlice`, which tfjs-core leaves unregistered: each element of the slice
 * came from one element of `x` (begin + index · stride on every axis, after the masks are
 * resolved), so the gradient puts `dy` back at those positions and zeros elsewhere.
 */
import * as tf from '@tensorflow/tfjs-core';

interface StridedSliceAttributes {
  begin: number[];
  end: number[];
  strides: number[];
  beginMask: number;
  endMask: number;
  ellipsisMask: number;
  newAxisMask: number;
  shrinkAxisMask: number;
}

/**
 * The flat position in `x` of every element of a strided slice, in the slice's order.
 *
 * @param xShape the sliced tensor's shape
 * @param sliceShape the slice's shape on `x`'s axes (shrunk axes kept as 1, new axes absent)
 * @param begin the first index on each of `x`'s axes
 * @param strides the step on each of `x`'s axes
 */
export function stridedSlicePositions(xShape: readonly number[], sliceShape: readonly number[], begin: readonly number[], strides: readonly number[]): Int32Array {
  const size = tf.util.sizeFromShape([...sliceShape]);
  const positions = new Int32Array(size);
  const xStrides = tf.util.computeStrides([...xShape]);
  const rank = xShape.length;
  for (let index = 0; index < size; index++) {
    let remainder = index;
    let position = 0;
    for (let axis = rank - 1; axis >= 0; axis--) {
      const coordinate = remainder % sliceShape[axis];
      remainder = Math.floor(remainder / sliceShape[axis]);
      position += (begin[axis] + coordinate * strides[axis]) * (axis === rank - 1 ? 1 : xStrides[axis]);
    }
    positions[index] = position;
  }
  return positions;
}

tf.registerGradient({
  kernelName: 'StridedSlice',
  inputsToSave: ['x'],
  gradFunc: (dy, saved, attrs) => {
    const [x] = saved;
    const a = attrs as unknown as StridedSliceAttributes;
    return {
      x: () => {
        const info = tf.slice_util.sliceInfo(x.shape, a.begin, a.end, a.strides, a.beginMask, a.endMask, a.ellipsisMask, a.newAxisMask, a.shrinkAxisMask);
        // Per axis of x (a shrunk axis keeps length 1); info.finalShapeSparse drops shrunk axes.
        const sliceShape = tf.slice_util.computeOutShape(info.begin, info.end, info.strides);
        const positions = tf.tensor1d(stridedSlicePositions(x.shape, sliceShape, info.begin, info.strides), 'int32');
        const values = tf.reshape(dy as tf.Tensor, [-1]);
        return tf.reshape(tf.unsortedSegmentSum(values, positions, x.size), x.shape);
      },
    };
  },
});
