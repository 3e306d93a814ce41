import type { KernelFunc } from '@tensorflow/tfjs-core';
import { tf } from '../../tf/index';
import { allocate, heapView, type WasmKernelArgs } from './wasm-kernel-context';
import type { WasmKernelOverride } from './wasm-kernel-overrides';

/**
 * `MaxPoolGrad`, replacing tfjs-backend-wasm 4.22's, which routes gradients to wrong pixels for
 * some shapes (a 2×6×6×2 input with 2×2 windows, found by the gradient coverage test). Each
 * window's gradient goes to its first maximum in row-major order, as the cpu backend does.
 */
export const maxPoolGradKernel: WasmKernelOverride = {
  kernelName: 'MaxPoolGrad',
  makeKernel(): KernelFunc {
    return (rawArgs) => {
      const { inputs, backend, attrs = {} } = rawArgs as unknown as WasmKernelArgs;
      const { dy, input } = inputs;
      const info = tf.backend_util.computePool2DInfo(
        input.shape as [number, number, number, number],
        attrs.filterSize as [number, number],
        attrs.strides as [number, number],
        1,
        attrs.pad as 'valid',
        attrs.dimRoundingMode as 'floor' | undefined,
      );
      const out = allocate(backend, input.shape, 'float32');
      const x = heapView(backend, input) as Float32Array;
      const gradients = heapView(backend, dy) as Float32Array;
      const dx = heapView(backend, out) as Float32Array;
      dx.fill(0);
      const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, strideHeight, strideWidth, effectiveFilterHeight, effectiveFilterWidth } = info;
      const top = info.padInfo.top;
      const left = info.padInfo.left;
      // Channels innermost: each window position is one contiguous run of `channels` values.
      const best = new Float32Array(channels);
      const bestIndex = new Int32Array(channels);
      let gradientIndex = 0;
      for (let b = 0; b < batchSize; b++) {
        for (let yR = 0; yR < outHeight; yR++) {
          const rowStart = Math.max(0, yR * strideHeight - top);
          const rowEnd = Math.min(inHeight, yR * strideHeight - top + effectiveFilterHeight);
          for (let yC = 0; yC < outWidth; yC++, gradientIndex += channels) {
            const columnStart = Math.max(0, yC * strideWidth - left);
            const columnEnd = Math.min(inWidth, yC * strideWidth - left + effectiveFilterWidth);
            best.fill(Number.NEGATIVE_INFINITY);
            bestIndex.fill(-1);
            for (let xR = rowStart; xR < rowEnd; xR++) {
              for (let xC = columnStart; xC < columnEnd; xC++) {
                const base = ((b * inHeight + xR) * inWidth + xC) * channels;
                for (let d = 0; d < channels; d++) {
                  const value = x[base + d];
                  if (value > best[d]) {
                    best[d] = value;
                    bestIndex[d] = base + d;
                  }
                }
              }
            }
            for (let d = 0; d < channels; d++) if (bestIndex[d] >= 0) dx[bestIndex[d]] += gradients[gradientIndex + d];
          }
        }
      }
      return out;
    };
  },
};
