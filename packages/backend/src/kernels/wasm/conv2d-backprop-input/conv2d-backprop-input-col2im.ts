import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { TensorInfo, backend_util } from '@tensorflow/tfjs-core';
import { COL2IM_MODULE } from './col2im-module';
import { instantiateOn } from '../simd/simd-module';
import { kernelPool, splitRange } from '../threads/kernel-pool';
import { allocate, callKernel, heapAddress, heapView, release, wasmMemory } from '../wasm-kernel-context';

type AddRuns = (destination: number, source: number, runs: number, runBytes: number, destinationStep: number, sourceStep: number) => void;
type AddImageRuns = (...args: number[]) => void;

/** Floats added below which a chunk's scatter stays on one thread (waking the pool costs more). */
const MIN_POOLED_SCATTER = 1 << 16;

/** The knobs of {@link col2imBackpropInput}; tests shrink the chunk to cross chunk boundaries. */
export const col2imBackpropInputTuning = {
  /**
   * Bytes of product per chunk of dy rows (at least two rows): bounds the scratch. Measured flat
   * from 0.5 to 16 MB on the MNIST CNN's shapes; 2 MB stays within a core's cache share.
   */
  chunkBytes: 2 << 20,
};

// The matmul's limit (simd-mat-mul.ts) on the shared dimension, here dy's channels.
const MAX_DEPTH = 4096;

/**
 * The input gradient of an NHWC float32 2-D convolution as `col2im(dyRows · Wᵀ)`: `dy` as
 * `[n·oh·ow, cout]` times the filter as `[cout, kh·kw·cin]` through `BatchMatMul` (Dendrite's
 * SIMD matmul, which skips the zero entries of a sparse left operand — a max-pool gradient times
 * a relu mask is mostly zeros), a chunk of rows at a time, each product row then added to the
 * input pixels its filter taps cover. Taken when `cin` is a multiple of 4, `kh·kw·cin` of 16,
 * and `cout` at most 4096; any stride or padding. Dense dy too: on the MNIST CNN's second layer
 * (and a 16×16×64 → 3×3×128 layer) the dense SIMD matmul plus col2im still beat the XNNPACK
 * convolution of the spread dy (≈35 against ≈65 ms; sparse ≈15). Sums run in another order than
 * the convolution's: results differ by rounding only. Where every filter tap falls inside the input
 * (no padding, as `valid`), chunks are whole images and each chunk's scatter is one SIMD call,
 * split by images over the kernel pool's threads (equal to one thread's, bit for bit).
 *
 * @param backend the wasm backend
 * @param dy the output gradient, `[n, oh, ow, cout]`
 * @param filter the filter, `[kh, kw, cin, cout]`
 * @param info the forward convolution's geometry (`computeConv2DInfo`, channels last, no dilation)
 * @returns the input gradient, or undefined where the caller must take another path
 * @example
 * ```ts
 * const dx = col2imBackpropInput(backend, dy, filter, info) ?? viaConvolution();
 * ```
 */
export function col2imBackpropInput(backend: BackendWasm, dy: TensorInfo, filter: TensorInfo, info: backend_util.Conv2DInfo): TensorInfo | undefined {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const columns = filterHeight * filterWidth * inChannels;
  if (dy.dtype !== 'float32' || filter.dtype !== 'float32' || info.dilationHeight !== 1 || info.dilationWidth !== 1) return undefined;
  if (inChannels % 4 !== 0 || columns % 16 !== 0 || outChannels > MAX_DEPTH) return undefined;
  const rows = batchSize * outHeight * outWidth;
  if (rows === 0) return undefined;
  const memory = wasmMemory(backend);
  const exports = memory && instantiateOn(memory, COL2IM_MODULE);
  const addRuns = exports?.addRuns as AddRuns | undefined;
  if (!memory || !addRuns) return undefined;

  const dx = allocate(backend, [batchSize, inHeight, inWidth, inChannels], 'float32');
  const turned = allocate(backend, [1, outChannels, columns], 'float32');
  (heapView(backend, dx) as Float32Array).fill(0);
  const weights = heapView(backend, filter) as Float32Array;
  const turnedValues = heapView(backend, turned) as Float32Array;
  // [kh·kw·cin, cout] → [cout, kh·kw·cin]: the product's right operand, row-major.
  for (let k = 0; k < columns; k++) for (let o = 0; o < outChannels; o++) turnedValues[o * columns + k] = weights[k * outChannels + o];

  const pixelBytes = inChannels * 4;
  const productRowBytes = columns * 4;
  const chunkBudget = Math.max(2, 2 * Math.floor(col2imBackpropInputTuning.chunkBytes / productRowBytes / 2));
  const padTop = info.padInfo.top;
  const padLeft = info.padInfo.left;
  const perImage = outHeight * outWidth;
  const inside = padTop === 0 && padLeft === 0 && (outHeight - 1) * strideHeight + filterHeight <= inHeight && (outWidth - 1) * strideWidth + filterWidth <= inWidth;
  const addImageRuns = exports!.addImageRuns as AddImageRuns | undefined;
  const byImages = inside && addImageRuns !== undefined;
  // Whole images per chunk where the scatter runs by images, else rows.
  const chunkRows = byImages ? Math.max(1, Math.floor(chunkBudget / perImage)) * perImage : chunkBudget;
  // Output columns whose taps all fall inside the input width: one run of kw pixels each.
  const fullFrom = Math.max(0, Math.ceil(padLeft / strideWidth));
  const fullTo = Math.floor((inWidth - filterWidth + padLeft) / strideWidth);
  try {
    for (let from = 0; from < rows; from += chunkRows) {
      const to = Math.min(rows, from + chunkRows);
      const count = to - from;
      // The matmul wants an even number of rows: an odd last chunk gets a zero row.
      const left = allocate(backend, [1, count + (count % 2), outChannels], 'float32');
      let product: TensorInfo | undefined;
      try {
        const heap = new Float32Array(memory.buffer);
        const leftStart = heapAddress(backend, left) / 4;
        const dyStart = heapAddress(backend, dy) / 4;
        heap.copyWithin(leftStart, dyStart + from * outChannels, dyStart + to * outChannels);
        if (count % 2 === 1) heap.fill(0, leftStart + count * outChannels, leftStart + (count + 1) * outChannels);
        product = callKernel('BatchMatMul', { inputs: { a: left, b: turned }, backend, attrs: { transposeA: false, transposeB: false } });
        const productAddress = heapAddress(backend, product);
        const dxAddress = heapAddress(backend, dx);
        if (byImages) {
          const dxImageBytes = inHeight * inWidth * pixelBytes;
          const firstImage = from / perImage;
          const images = (start: number, end: number) => [
            dxAddress + (firstImage + start) * dxImageBytes, productAddress + start * perImage * productRowBytes, end - start, outHeight, outWidth,
            filterWidth * pixelBytes, filterHeight, dxImageBytes, strideHeight * inWidth * pixelBytes, inWidth * pixelBytes, strideWidth * pixelBytes, productRowBytes,
          ];
          const chunkImages = count / perImage;
          const pool = count * columns >= MIN_POOLED_SCATTER && chunkImages > 1 ? kernelPool(memory) : undefined;
          if (pool === undefined) addImageRuns!(...images(0, chunkImages));
          else pool.run(COL2IM_MODULE, 'addImageRuns', splitRange(chunkImages, pool.parts).map(([start, end]) => images(start, end)), addImageRuns!);
          continue;
        }
        // Segments of one output row (image n, row oy) within the chunk.
        for (let row = from; row < to; ) {
          const image = Math.floor(row / (outHeight * outWidth));
          const oy = Math.floor(row / outWidth) % outHeight;
          const firstColumn = row % outWidth;
          const lastColumn = Math.min(outWidth, firstColumn + to - row) - 1;
          const sourceOf = (ox: number) => productAddress + (row - from + ox - firstColumn) * productRowBytes;
          for (let ky = 0; ky < filterHeight; ky++) {
            const iy = oy * strideHeight - padTop + ky;
            if (iy < 0 || iy >= inHeight) continue;
            const inputRow = dxAddress + (image * inHeight + iy) * inWidth * pixelBytes;
            const tapRow = ky * filterWidth * pixelBytes;
            const runFrom = Math.max(firstColumn, fullFrom);
            const runTo = Math.min(lastColumn, fullTo);
            if (runTo >= runFrom) {
              addRuns(inputRow + (runFrom * strideWidth - padLeft) * pixelBytes, sourceOf(runFrom) + tapRow, runTo - runFrom + 1, filterWidth * pixelBytes, strideWidth * pixelBytes, productRowBytes);
            }
            for (let ox = firstColumn; ox <= lastColumn; ox++) {
              if (ox >= runFrom && ox <= runTo) continue;
              const ix = ox * strideWidth - padLeft;
              const kxFrom = Math.max(0, -ix);
              const kxTo = Math.min(filterWidth, inWidth - ix);
              if (kxTo > kxFrom) addRuns(inputRow + (ix + kxFrom) * pixelBytes, sourceOf(ox) + tapRow + kxFrom * pixelBytes, 1, (kxTo - kxFrom) * pixelBytes, 0, 0);
            }
          }
          row += lastColumn - firstColumn + 1;
        }
      } finally {
        release(backend, left);
        if (product) release(backend, product);
      }
    }
  } catch (error) {
    release(backend, dx);
    throw error;
  } finally {
    release(backend, turned);
  }
  return dx;
}
