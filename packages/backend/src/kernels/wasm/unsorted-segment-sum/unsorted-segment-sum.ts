import type { KernelFunc } from '@tensorflow/tfjs-core';
import { tf } from '../../../tf/index';
import { allocate, heapView, type WasmKernelArgs } from '../wasm-kernel-context';
import type { WasmKernelOverride } from '../wasm-kernel-overrides';

/**
 * `UnsortedSegmentSum` (missing on wasm; the gradient of `gather`, so of Embedding): rows of `x`
 * summed into `numSegments` rows by id. Ids outside [0, numSegments) are dropped, as TensorFlow
 * does; repeated ids accumulate.
 */
export const unsortedSegmentSumKernel: WasmKernelOverride = {
  kernelName: 'UnsortedSegmentSum',
  makeKernel(): KernelFunc {
    return (rawArgs) => {
      const { inputs, backend, attrs = {} } = rawArgs as unknown as WasmKernelArgs;
      const { x, segmentIds } = inputs;
      const numSegments = attrs.numSegments as number;
      const idCount = tf.util.sizeFromShape(segmentIds.shape);
      const rowShape = x.shape.slice(segmentIds.shape.length);
      const rowSize = tf.util.sizeFromShape(rowShape);
      if (idCount * rowSize !== tf.util.sizeFromShape(x.shape)) {
        throw new Error(`Expected segmentIds of shape [${segmentIds.shape}] to be a prefix of x's shape [${x.shape}] in UnsortedSegmentSum, received mismatching shapes`);
      }
      const out = allocate(backend, [numSegments, ...rowShape], x.dtype);
      const values = heapView(backend, x);
      const ids = heapView(backend, segmentIds);
      const sums = heapView(backend, out);
      sums.fill(0);
      for (let i = 0; i < idCount; i++) {
        const segment = ids[i];
        if (segment < 0 || segment >= numSegments) continue;
        const from = i * rowSize;
        const to = segment * rowSize;
        for (let k = 0; k < rowSize; k++) sums[to + k] += values[from + k];
      }
      return out;
    };
  },
};
