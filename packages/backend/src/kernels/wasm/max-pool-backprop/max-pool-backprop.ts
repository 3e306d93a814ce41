import type { KernelFunc } from '@tensorflow/tfjs-core';
import { tf } from '../../../tf/index';
import { MAX_POOL_BACKPROP_MODULE } from './max-pool-backprop-module';
import { instantiateOn } from '../simd/simd-module';
import { kernelPool, splitRange } from '../threads/kernel-pool';
import { allocate, heapAddress, heapView, wasmMemory, type WasmKernelArgs } from '../wasm-kernel-context';
import type { WasmKernelOverride } from '../wasm-kernel-overrides';

type WindowsSimd = (...args: number[]) => void;

/** The pooling geometry the gradient loops read (a `Conv2DInfo` from `computePool2DInfo` has it all). */
export type PoolGeometry = Pick<
  tf.backend_util.Conv2DInfo,
  'batchSize' | 'inHeight' | 'inWidth' | 'inChannels' | 'outHeight' | 'outWidth' | 'strideHeight' | 'strideWidth' | 'effectiveFilterHeight' | 'effectiveFilterWidth'
> & { padInfo: { top: number; left: number } };

/**
 * Adds each window's gradient to `dx` at the window's first maximum in row-major order, for the
 * channels `[firstChannel, channels)`; the scalar twin of the SIMD module's `windows`, for the
 * channels left over from groups of four and for runtimes without SIMD.
 *
 * @param x the pooled input, NHWC
 * @param dy the gradient of the pooled output
 * @param dx the input's gradient, added to (zero it first)
 */
export function addMaxPoolGradients(x: Float32Array, dy: Float32Array, dx: Float32Array, geometry: PoolGeometry, firstChannel: number): void {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, strideHeight, strideWidth, effectiveFilterHeight, effectiveFilterWidth } = geometry;
  const { top, left } = geometry.padInfo;
  for (let b = 0; b < batchSize; b++) {
    for (let yR = 0; yR < outHeight; yR++) {
      const rowStart = Math.max(0, yR * strideHeight - top);
      const rowEnd = Math.min(inHeight, yR * strideHeight - top + effectiveFilterHeight);
      for (let yC = 0; yC < outWidth; yC++) {
        const columnStart = Math.max(0, yC * strideWidth - left);
        const columnEnd = Math.min(inWidth, yC * strideWidth - left + effectiveFilterWidth);
        const gradientBase = ((b * outHeight + yR) * outWidth + yC) * channels;
        for (let d = firstChannel; d < channels; d++) {
          let best = Number.NEGATIVE_INFINITY;
          let bestIndex = -1;
          for (let xR = rowStart; xR < rowEnd; xR++) {
            let index = ((b * inHeight + xR) * inWidth + columnStart) * channels + d;
            for (let xC = columnStart; xC < columnEnd; xC++, index += channels) {
              const value = x[index];
              if (value > best) {
                best = value;
                bestIndex = index;
              }
            }
          }
          if (bestIndex >= 0) dx[bestIndex] += dy[gradientBase + d];
        }
      }
    }
  }
}

/**
 * Runs the SIMD module over channels `[0, 4·⌊channels/4⌋)`: one call per output row for the
 * windows wholly inside the input, one per clipped window at the borders.
 */
function addMaxPoolGradientsSimd(windows: WindowsSimd, x: number, dy: number, dx: number, geometry: PoolGeometry): void {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, strideHeight, strideWidth, effectiveFilterHeight, effectiveFilterWidth } = geometry;
  const { top, left } = geometry.padInfo;
  const pixelBytes = channels * 4;
  const rowBytes = inWidth * pixelBytes;
  const groupBytes = (channels >> 2) * 16;
  const windowBytes = strideWidth * pixelBytes;
  // Output columns whose window lies wholly inside the input's columns: [interiorStart, interiorEnd).
  const interiorStart = Math.min(outWidth, Math.ceil(left / strideWidth));
  const interiorEnd = Math.max(interiorStart, Math.min(outWidth, Math.floor((inWidth - effectiveFilterWidth + left) / strideWidth) + 1));
  for (let b = 0; b < batchSize; b++) {
    for (let yR = 0; yR < outHeight; yR++) {
      const rowStart = Math.max(0, yR * strideHeight - top);
      const tapRows = Math.min(inHeight, yR * strideHeight - top + effectiveFilterHeight) - rowStart;
      if (tapRows <= 0) continue;
      const rowAddress = (b * inHeight + rowStart) * rowBytes;
      const gradientRow = dy + (b * outHeight + yR) * outWidth * pixelBytes;
      const run = (first: number, count: number, columnStart: number, tapColumns: number) => {
        if (count <= 0 || tapColumns <= 0) return;
        const offset = rowAddress + columnStart * pixelBytes;
        windows(x + offset, gradientRow + first * pixelBytes, dx + offset, count, tapRows, tapColumns, rowBytes, pixelBytes, windowBytes, groupBytes);
      };
      const border = (yC: number) => {
        const columnStart = Math.max(0, yC * strideWidth - left);
        run(yC, 1, columnStart, Math.min(inWidth, yC * strideWidth - left + effectiveFilterWidth) - columnStart);
      };
      for (let yC = 0; yC < interiorStart; yC++) border(yC);
      run(interiorStart, interiorEnd - interiorStart, interiorStart * strideWidth - left, effectiveFilterWidth);
      for (let yC = interiorEnd; yC < outWidth; yC++) border(yC);
    }
  }
}

/** Floats of the input gradient below which a call stays on one thread (waking the pool costs more). */
const MIN_POOLED_FLOATS = 1 << 16;

/**
 * The SIMD channels' gradients with one `imageWindows` call per run of images, split over the
 * kernel pool's threads by images, where every window lies inside the input (no padding: MNIST's
 * 2×2 pools); false, doing nothing, otherwise.
 */
function addInteriorGradientsByImages(memory: WebAssembly.Memory, x: number, dy: number, dx: number, geometry: PoolGeometry): boolean {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, strideHeight, strideWidth, effectiveFilterHeight, effectiveFilterWidth } = geometry;
  const inside = geometry.padInfo.top === 0 && geometry.padInfo.left === 0 &&
    (outHeight - 1) * strideHeight + effectiveFilterHeight <= inHeight && (outWidth - 1) * strideWidth + effectiveFilterWidth <= inWidth;
  const imageWindows = inside ? (instantiateOn(memory, MAX_POOL_BACKPROP_MODULE)?.imageWindows as WindowsSimd | undefined) : undefined;
  if (imageWindows === undefined || outHeight * outWidth === 0) return false;
  const pixelBytes = channels * 4;
  const rowBytes = inWidth * pixelBytes;
  const imageBytes = inHeight * rowBytes;
  const gradientImageBytes = outHeight * outWidth * pixelBytes;
  const images = (start: number, end: number) => [
    x + start * imageBytes, dy + start * gradientImageBytes, dx + start * imageBytes, end - start, outHeight, outWidth, effectiveFilterHeight, effectiveFilterWidth,
    rowBytes, pixelBytes, strideWidth * pixelBytes, (channels >> 2) * 16, strideHeight * rowBytes, imageBytes,
  ];
  const pool = batchSize > 1 && batchSize * inHeight * inWidth * channels >= MIN_POOLED_FLOATS ? kernelPool(memory) : undefined;
  if (pool === undefined) imageWindows(...images(0, batchSize));
  else pool.run(MAX_POOL_BACKPROP_MODULE, 'imageWindows', splitRange(batchSize, pool.parts).map(([start, end]) => images(start, end)), imageWindows);
  return true;
}

/**
 * `MaxPoolGrad`, replacing tfjs-backend-wasm 4.22's, which routes gradients to wrong pixels for
 * some shapes (a 2×6×6×2 input with 2×2 windows, found by the gradient coverage test). Each
 * window's gradient goes to its first maximum in row-major order, as the cpu backend does; four
 * channels at a time in a SIMD loop over wasm memory where the runtime has SIMD, split over the
 * kernel pool's threads by images where no window reaches into padding.
 */
export const maxPoolBackpropKernel: WasmKernelOverride = {
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
      (heapView(backend, out) as Float32Array).fill(0);
      const memory = wasmMemory(backend);
      const windows = memory && (instantiateOn(memory, MAX_POOL_BACKPROP_MODULE)?.windows as WindowsSimd | undefined);
      const simdChannels = windows && input.dtype === 'float32' && dy.dtype === 'float32' ? info.inChannels - (info.inChannels % 4) : 0;
      if (windows && simdChannels > 0) {
        const [x, gradient, dx] = [heapAddress(backend, input), heapAddress(backend, dy), heapAddress(backend, out)];
        if (!addInteriorGradientsByImages(memory, x, gradient, dx, info)) addMaxPoolGradientsSimd(windows, x, gradient, dx, info);
      }
      if (simdChannels < info.inChannels) {
        addMaxPoolGradients(heapView(backend, input) as Float32Array, heapView(backend, dy) as Float32Array, heapView(backend, out) as Float32Array, info, simdChannels);
      }
      return out;
    };
  },
};
