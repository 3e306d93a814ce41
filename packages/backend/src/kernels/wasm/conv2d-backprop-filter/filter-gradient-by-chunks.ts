import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { tf } from '../../../tf/index';
import { fillPatchRows } from '../conv2d-patches/conv2d-patches';
import { PATCH_ROWS_MODULE } from '../conv2d-patches/patch-rows-module';
import { kernelPool, splitRange } from '../threads/kernel-pool';
import { matMulModule } from '../mat-mul/mat-mul-module';
import { instantiateOn } from '../simd/simd-module';
import { allocate, callKernel, heapAddress, heapView, release, wasmMemory } from '../wasm-kernel-context';

/** The SIMD matmul's largest shared dimension (see `simdMatMul`): the chunks' length cap. */
export const SIMD_CHUNK_ROWS = 4096;

/** Floats of patches below which a chunk's fill stays on one thread (waking the pool costs more). */
const MIN_POOLED_FILL = 1 << 16;

/**
 * The filter gradient `[kh, kw, cin, cout]` of a float32 NHWC convolution as `dyᵀ·patches`, summed
 * over chunks of at most `chunkRows` output positions, each product on Dendrite's SIMD matmul:
 * `dy`'s rows for the chunk, read transposed through strides, are the left operand (`cout`
 * rows, even), the chunk's im2col rows, padded with zeros to a multiple of 16 taps, the right one.
 * A depth of `n·oh·ow` (86 528 for MNIST's first layer) is far past what the SIMD matmul keeps in
 * cache; cut under it, every chunk reaches it, and it skips the positions where a pair of output
 * channels both have a zero gradient (after relu and max pooling, most of them).
 * Where every filter tap falls inside the input (no padding, as `valid`; no dilation; `kw·cin` a
 * multiple of 4), chunks are whole images and their patch rows one SIMD copy (`copyImageRuns`,
 * 12–14 → ~2 ms a step of MNIST's second layer), split by images over the kernel pool's threads.
 *
 * @returns the gradient, or undefined where this path does not apply (an odd `cout`, no SIMD):
 *   the caller then runs its general path
 */
export function filterGradientBySimdChunks(
  backend: BackendWasm,
  x: TensorInfo,
  dy: TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  chunkRows = SIMD_CHUNK_ROWS,
): TensorInfo | undefined {
  const { batchSize, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth } = info;
  if (outChannels % 2 !== 0) return undefined;
  const memory = wasmMemory(backend);
  if (!memory || !instantiateOn(memory, matMulModule())?.matmul) return undefined;
  const taps = filterHeight * filterWidth * inChannels;
  const paddedTaps = Math.ceil(taps / 16) * 16;
  const positions = batchSize * outHeight * outWidth;
  const limit = Math.min(chunkRows, SIMD_CHUNK_ROWS);
  const perImage = outHeight * outWidth;
  const { inHeight, inWidth, strideHeight, strideWidth } = info;
  const inside = info.padInfo.top === 0 && info.padInfo.left === 0 && info.dilationHeight === 1 && info.dilationWidth === 1 &&
    (outHeight - 1) * strideHeight + filterHeight <= inHeight && (outWidth - 1) * strideWidth + filterWidth <= inWidth;
  const copyImageRuns = inside && (filterWidth * inChannels) % 4 === 0 && perImage <= limit
    ? (instantiateOn(memory, PATCH_ROWS_MODULE)?.copyImageRuns as ((...args: number[]) => void) | undefined)
    : undefined;
  let chunk: number;
  if (copyImageRuns) {
    const chunks = Math.ceil(batchSize / Math.floor(limit / perImage));
    chunk = Math.ceil(batchSize / chunks) * perImage;
  } else {
    chunk = Math.ceil(positions / Math.ceil(positions / limit));
  }
  const xImageBytes = inHeight * inWidth * inChannels * 4;
  // Transposed: `[cout, paddedTaps]`, the products' layout.
  const sums = new Float32Array(outChannels * paddedTaps);
  for (let first = 0; first < positions; first += chunk) {
    const rows = Math.min(chunk, positions - first);
    const gradients = allocate(backend, [1, rows, outChannels], 'float32');
    const patches = allocate(backend, [1, rows, paddedTaps], 'float32');
    let product: TensorInfo;
    try {
      // One view of the whole heap, taken after the allocations (which may grow it).
      const heap = new Float32Array(memory.buffer);
      const dyStart = heapAddress(backend, dy) / 4 + first * outChannels;
      heap.copyWithin(heapAddress(backend, gradients) / 4, dyStart, dyStart + rows * outChannels);
      if (copyImageRuns) {
        const [xAddress, patchesAddress] = [heapAddress(backend, x) + (first / perImage) * xImageBytes, heapAddress(backend, patches)];
        const images = (start: number, end: number) => [
          xAddress + start * xImageBytes, patchesAddress + start * perImage * paddedTaps * 4, end - start, outHeight, outWidth, filterWidth * inChannels * 4,
          filterHeight, xImageBytes, strideHeight * inWidth * inChannels * 4, inWidth * inChannels * 4, strideWidth * inChannels * 4, paddedTaps * 4,
        ];
        const chunkImages = rows / perImage;
        const pool = rows * paddedTaps >= MIN_POOLED_FILL && chunkImages > 1 ? kernelPool(memory) : undefined;
        if (pool === undefined) copyImageRuns(...images(0, chunkImages));
        else pool.run(PATCH_ROWS_MODULE, 'copyImageRuns', splitRange(chunkImages, pool.parts).map(([start, end]) => images(start, end)), copyImageRuns);
      } else {
        fillPatchRows(heap, heapAddress(backend, x) / 4, heap, heapAddress(backend, patches) / 4, info, first, rows, paddedTaps);
      }
      product = callKernel('BatchMatMul', { inputs: { a: gradients, b: patches }, backend, attrs: { transposeA: true, transposeB: false } });
    } finally {
      release(backend, gradients);
      release(backend, patches);
    }
    const values = heapView(backend, product) as Float32Array;
    for (let index = 0; index < sums.length; index++) sums[index] += values[index];
    release(backend, product);
  }
  const out = allocate(backend, [filterHeight, filterWidth, inChannels, outChannels], 'float32');
  const filter = heapView(backend, out) as Float32Array;
  for (let tap = 0; tap < taps; tap++) {
    for (let channel = 0; channel < outChannels; channel++) filter[tap * outChannels + channel] = sums[channel * paddedTaps + tap];
  }
  return out;
}
