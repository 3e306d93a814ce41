import type { KernelFunc } from '@tensorflow/tfjs-core';
import { tf } from '../../../tf/index';
import { allocate, heapView, type WasmKernelArgs } from '../wasm-kernel-context';
import { type WasmKernelOverride, assertStock } from '../wasm-kernel-overrides';

/**
 * `Slice` that reads its window straight out of wasm memory. The stock kernel first copies the
 * whole input out of the heap (`readSync`), so cutting a 128-row batch from a 60 000-row tensor
 * copied all 60 000 rows.
 */
export const sliceOverride: WasmKernelOverride = {
  kernelName: 'Slice',
  makeKernel(stock: KernelFunc | undefined): KernelFunc {
    assertStock(stock, 'Slice');
    return (rawArgs) => {
      const { inputs, backend, attrs = {} } = rawArgs as unknown as WasmKernelArgs;
      const x = inputs.x;
      if (x.dtype === 'string') return stock(rawArgs);
      const [begin, size] = tf.slice_util.parseSliceParams(
        x as tf.TensorInfo as tf.Tensor,
        attrs.begin as number | number[],
        attrs.size as number | number[],
      );
      const out = allocate(backend, size, x.dtype);
      // Views only after the last allocation: allocating may grow (and detach) the heap.
      copyWindow(heapView(backend, x), x.shape, begin, size, heapView(backend, out));
      return out;
    };
  },
};

/** Copies the window `[begin, begin + size)` of a row-major array into `out`, a row at a time. */
export function copyWindow(
  source: Float32Array | Int32Array | Uint8Array,
  shape: readonly number[],
  begin: readonly number[],
  size: readonly number[],
  out: Float32Array | Int32Array | Uint8Array,
): void {
  const rank = shape.length;
  const total = tf.util.sizeFromShape(size as number[]);
  if (total === 0) return;
  const strides = tf.util.computeStrides(shape as number[]);
  if (rank === 0 || tf.slice_util.isSliceContinous(shape as number[], begin as number[], size as number[])) {
    const offset = rank === 0 ? 0 : tf.slice_util.computeFlatOffset(begin as number[], strides);
    out.set(source.subarray(offset, offset + total));
    return;
  }
  const rowLength = size[rank - 1];
  const outerRank = rank - 1;
  const index = new Array<number>(outerRank).fill(0);
  for (let outOffset = 0; outOffset < total; outOffset += rowLength) {
    let sourceOffset = begin[rank - 1];
    for (let axis = 0; axis < outerRank; axis++) sourceOffset += (begin[axis] + index[axis]) * strides[axis];
    out.set(source.subarray(sourceOffset, sourceOffset + rowLength), outOffset);
    for (let axis = outerRank - 1; axis >= 0; axis--) {
      if (++index[axis] < size[axis]) break;
      index[axis] = 0;
    }
  }
}
