import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf } from '../../../tf/index';
import { fillTransposedPatches } from '../conv2d-patches/conv2d-patches';
import { SIMD_CHUNK_ROWS, filterGradientBySimdChunks } from './filter-gradient-by-chunks';
import { filterGradientByTaps } from './filter-gradient-by-taps';
import { allocate, callKernel, heapView, release, type WasmKernelArgs } from '../wasm-kernel-context';
import type { WasmKernelOverride } from '../wasm-kernel-overrides';

/** Scalars of the transposed patch matrix built per chunk of the batch (64 MB of float32). */
const PATCH_BUDGET = 16 * 1024 * 1024;

/** How {@link makeConv2dBackpropFilter} cuts its work (tests make the pieces small). */
export interface Conv2dBackpropFilterOptions {
  /** Scalars of the transposed patch matrix per batch chunk on the general path. */
  patchBudget?: number;
  /** Output positions per chunk on the SIMD path, at most 4096; false: the general path only. */
  simdChunkRows?: number | false;
  /** Whether few-tap filters accumulate over positions directly (false: the other paths). */
  directTaps?: boolean;
}

/**
 * The filter gradient of a 2-D convolution, which tfjs-backend-wasm lacks. A filter of at most 16
 * taps with a multiple of 4 output channels is accumulated directly over the output positions
 * ({@link filterGradientByTaps}). Else, with an even number of output channels, it is summed over chunks of positions on the SIMD matmul
 * ({@link filterGradientBySimdChunks}). Otherwise the input's patches are laid out in JS as a
 * transposed im2col matrix `[kh·kw·cin, n·oh·ow]`, and one plain (XNNPACK) matmul with `dy` as
 * `[n·oh·ow, cout]` gives `[kh·kw·cin, cout]`, the filter's layout; batches whose patch matrix
 * exceeds `patchBudget` scalars are cut into chunks whose products are summed.
 *
 * @example
 * ```ts
 * tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: makeConv2dBackpropFilter() });
 * ```
 */
export function makeConv2dBackpropFilter({ patchBudget = PATCH_BUDGET, simdChunkRows = SIMD_CHUNK_ROWS, directTaps = true }: Conv2dBackpropFilterOptions = {}): KernelFunc {
  return (rawArgs) => {
    const { inputs, backend, attrs = {} } = rawArgs as unknown as WasmKernelArgs;
    const { x, dy } = inputs;
    const dataFormat = (attrs.dataFormat as string) ?? 'NHWC';
    if (dataFormat !== 'NHWC') throw new Error(`Expected dataFormat NHWC in Conv2DBackpropFilter on wasm, received ${dataFormat}`);
    if (x.dtype !== 'float32' || dy.dtype !== 'float32') {
      throw new Error(`Expected float32 x and dy in Conv2DBackpropFilter on wasm, received ${x.dtype} and ${dy.dtype}`);
    }
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      attrs.filterShape as [number, number, number, number],
      attrs.strides as [number, number],
      1,
      attrs.pad as 'valid',
      attrs.dimRoundingMode as 'floor' | undefined,
      false,
      'channelsLast',
    );
    const { batchSize, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth } = info;
    const rows = filterHeight * filterWidth * inChannels;
    const perImage = outHeight * outWidth;
    if (batchSize * perImage > 0 && rows * outChannels > 0) {
      const gradient =
        (directTaps ? filterGradientByTaps(backend, x, dy, info) : undefined) ??
        (simdChunkRows !== false ? filterGradientBySimdChunks(backend, x, dy, info, simdChunkRows) : undefined);
      if (gradient !== undefined) return gradient;
    }
    const out = allocate(backend, [filterHeight, filterWidth, inChannels, outChannels], 'float32');
    // An empty product: the stock matmul is not asked about zero-sized operands.
    if (batchSize * perImage === 0 || rows * outChannels === 0) {
      heapView(backend, out).fill(0);
      return out;
    }
    const chunk = Math.max(1, Math.min(batchSize, Math.floor(patchBudget / (rows * perImage))));
    let accumulated: TensorInfo | undefined;
    for (let first = 0; first < batchSize; first += chunk) {
      const product = chunkProduct(backend, x, dy, info, first, Math.min(chunk, batchSize - first));
      if (accumulated === undefined) accumulated = product;
      else {
        const sum = callKernel('Add', { inputs: { a: accumulated, b: product }, backend });
        release(backend, accumulated);
        release(backend, product);
        accumulated = sum;
      }
    }
    heapView(backend, out).set(heapView(backend, accumulated!));
    release(backend, accumulated!);
    return out;
  };
}

/** `Conv2DBackpropFilter` on wasm: see {@link makeConv2dBackpropFilter}. */
export const conv2dBackpropFilterKernel: WasmKernelOverride = {
  kernelName: 'Conv2DBackpropFilter',
  makeKernel: () => makeConv2dBackpropFilter(),
};

/** `[kh·kw·cin, count·oh·ow] × [count·oh·ow, cout]`: the share of images `[first, first + count)`. */
function chunkProduct(backend: BackendWasm, x: TensorInfo, dy: TensorInfo, info: tf.backend_util.Conv2DInfo, first: number, count: number): TensorInfo {
  const rows = info.filterHeight * info.filterWidth * info.inChannels;
  const columns = count * info.outHeight * info.outWidth;
  const patches = allocate(backend, [1, rows, columns], 'float32');
  const gradients = dyRows(backend, dy, info, first, count);
  // Views only now: the allocations above may have grown (and detached) the heap.
  fillTransposedPatches(heapView(backend, x) as Float32Array, heapView(backend, patches) as Float32Array, info, first, count);
  try {
    return callKernel('BatchMatMul', { inputs: { a: patches, b: gradients }, backend, attrs: { transposeA: false, transposeB: false } });
  } finally {
    release(backend, patches);
    release(backend, gradients);
  }
}

/**
 * `dy`'s rows for images `[first, first + count)` as `[1, count·oh·ow, cout]`: a view of `dy` when
 * the chunk is the whole batch (no copy), else a scratch copy. The caller releases either.
 */
function dyRows(backend: BackendWasm, dy: TensorInfo, info: tf.backend_util.Conv2DInfo, first: number, count: number): TensorInfo {
  const perImage = info.outHeight * info.outWidth;
  const shape = [1, count * perImage, info.outChannels];
  if (count === info.batchSize) return callKernel('Reshape', { inputs: { x: dy }, backend, attrs: { shape } });
  const rows = allocate(backend, shape, 'float32');
  const from = first * perImage * info.outChannels;
  heapView(backend, rows).set(heapView(backend, dy).subarray(from, from + count * perImage * info.outChannels));
  return rows;
}
