import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { tf } from '../../../tf/index';
import { fillPatchRows } from '../conv2d-patches/conv2d-patches';
import { matMulModule } from '../mat-mul/mat-mul-module';
import { instantiateOn } from '../simd/simd-module';
import { allocate, callKernel, heapAddress, heapView, release, wasmMemory } from '../wasm-kernel-context';

/** The SIMD matmul's largest shared dimension (see `simdMatMul`): the chunks' length cap. */
export const SIMD_CHUNK_ROWS = 4096;

/**
 * The filter gradient `[kh, kw, cin, cout]` of a float32 NHWC convolution as `dyᵀ·patches`, summed
 * over chunks of at most `chunkRows` output positions, each product on Dendrite's SIMD matmul:
 * `dy`'s rows for the chunk, read transposed through strides, are the left operand (`cout`
 * rows, even), the chunk's im2col rows, padded with zeros to a multiple of 16 taps, the right one.
 * A depth of `n·oh·ow` (86 528 for MNIST's first layer) is far past what the SIMD matmul keeps in
 * cache; cut under it, every chunk reaches it, and it skips the positions where a pair of output
 * channels both have a zero gradient (after relu and max pooling, most of them).
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
  const chunks = Math.ceil(positions / Math.min(chunkRows, SIMD_CHUNK_ROWS));
  const chunk = Math.ceil(positions / chunks);
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
      fillPatchRows(heap, heapAddress(backend, x) / 4, heap, heapAddress(backend, patches) / 4, info, first, rows, paddedTaps);
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
