import type { TensorInfo } from '@tensorflow/tfjs-core';
import { tf } from '../../../tf/index';
import { fillPatchRows } from '../conv2d-patches/conv2d-patches';
import { PATCH_ROWS_MODULE } from '../conv2d-patches/patch-rows-module';
import { kernelPool, splitRange } from '../threads/kernel-pool';
import { simdMatMul } from '../mat-mul/simd-mat-mul';
import { instantiateOn } from '../simd/simd-module';
import { allocate, heapAddress, heapView, release, wasmMemory, type WasmKernelArgs } from '../wasm-kernel-context';

/** Scalars of the im2col matrix built at once (64 MB of float32); larger batches run in chunks of images. */
export const FORWARD_PATCH_BUDGET = 16 * 1024 * 1024;
/** The SIMD matmul's largest shared dimension (`kh·kw·cin` here). */
const MAX_TAPS = 4096;
/** Floats of patches below which the SIMD copy stays on one thread (waking the pool costs more). */
const MIN_POOLED_COPY = 1 << 16;

/**
 * A float32 NHWC `Conv2D` or `FusedConv2D` (bias, then linear or relu) as im2col and Dendrite's
 * SIMD matmul: the input's patches `[n·oh·ow, kh·kw·cin]` (one row per output position) times
 * the filter, read where it lies as `[kh·kw·cin, cout]`, with the bias and relu applied to the
 * finished sums as the stock kernel applies them. The product goes through `simdMatMul`, so a
 * sparse input (MNIST's borders, relu and max-pool outputs) skips its zeros, and the rows split
 * over the kernel pool's threads by pairs, each row's sums the one-thread kernel's: a call equals
 * itself bit for bit on any number of threads. Where every filter tap falls inside the input
 * (`valid`, no dilation) and `kw·cin` is a multiple of 4, the patches are one SIMD copy per image
 * (`copyImageRuns`), split over the pool by images; otherwise they are written in JS.
 * Batches whose patches exceed `patchBudget` scalars run in chunks of images.
 *
 * @param args the kernel's inputs (`x`, `filter`, optionally `bias`), backend and attributes
 * @returns the `[n, oh, ow, cout]` output, or undefined where this path does not apply (other
 *   dtypes or formats, prelu or other activations, an odd row count, more than 4096 taps, no
 *   SIMD): the caller then runs the stock kernel
 */
export function conv2dByPatches(args: WasmKernelArgs, patchBudget = FORWARD_PATCH_BUDGET): TensorInfo | undefined {
  const { inputs, backend, attrs = {} } = args;
  const { x, filter, preluActivationWeights } = inputs;
  const activation = (attrs.activation as string | undefined) ?? 'linear';
  const dataFormat = (attrs.dataFormat as string | undefined) ?? 'NHWC';
  if (x.dtype !== 'float32' || filter.dtype !== 'float32' || x.shape.length !== 4 || filter.shape.length !== 4) return undefined;
  if (dataFormat !== 'NHWC' || preluActivationWeights != null || (activation !== 'linear' && activation !== 'relu')) return undefined;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filter.shape as [number, number, number, number],
    attrs.strides as [number, number],
    (attrs.dilations as [number, number] | number | undefined) ?? 1,
    attrs.pad as 'valid',
    attrs.dimRoundingMode as 'floor' | undefined,
    false,
    'channelsLast',
  );
  const { batchSize, outHeight, outWidth, outChannels, filterHeight, filterWidth, inChannels } = info;
  const perImage = outHeight * outWidth;
  const taps = filterHeight * filterWidth * inChannels;
  if (batchSize * perImage === 0 || taps === 0 || taps > MAX_TAPS || outChannels === 0) return undefined;
  const memory = wasmMemory(backend);
  if (memory === undefined) return undefined;
  // Chunks of whole images, each an even number of rows (the matmul's row pairs).
  let chunkImages = Math.max(1, Math.min(batchSize, Math.floor(patchBudget / (taps * perImage))));
  if (perImage % 2 !== 0) {
    if (batchSize % 2 !== 0) return undefined;
    chunkImages = Math.max(2, chunkImages - (chunkImages % 2));
  }
  const weights = { ...filter, shape: [taps, outChannels] };
  const outShape = [batchSize, outHeight, outWidth, outChannels];
  if (chunkImages === batchSize) {
    const product = chunkProduct(args, info, weights, 0, batchSize);
    if (product === undefined) return undefined;
    backend.dataIdMap.get(product.dataId)!.shape = outShape;
    return { ...product, shape: outShape };
  }
  const out = allocate(backend, outShape, 'float32');
  for (let first = 0; first < batchSize; first += chunkImages) {
    const images = Math.min(chunkImages, batchSize - first);
    const product = chunkProduct(args, info, weights, first, images);
    if (product === undefined) {
      release(backend, out);
      return undefined;
    }
    heapView(backend, out).set(heapView(backend, product), first * perImage * outChannels);
    release(backend, product);
  }
  return out;
}

/** The output rows of images `[first, first + images)`: their patches times the filter, as `[images·oh·ow, cout]`. */
function chunkProduct(args: WasmKernelArgs, info: tf.backend_util.Conv2DInfo, weights: TensorInfo, first: number, images: number): TensorInfo | undefined {
  const { inputs, backend, attrs = {} } = args;
  const { bias } = inputs;
  const taps = weights.shape[0];
  const rows = images * info.outHeight * info.outWidth;
  const patches = allocate(backend, [rows, taps], 'float32');
  try {
    writePatches(args, info, patches, first, images);
    return simdMatMul({
      inputs: { a: patches, b: weights, ...(bias ? { bias } : {}) },
      backend,
      attrs: { transposeA: false, transposeB: false, activation: (attrs.activation as string | undefined) ?? 'linear' },
    });
  } finally {
    release(backend, patches);
  }
}

/** Writes the im2col rows of images `[first, first + images)` of `x` into `patches`, `kh·kw·cin` floats each. */
function writePatches(args: WasmKernelArgs, info: tf.backend_util.Conv2DInfo, patches: TensorInfo, first: number, images: number): void {
  const { backend, inputs: { x } } = args;
  const memory = wasmMemory(backend)!;
  const { inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const perImage = outHeight * outWidth;
  const taps = filterHeight * filterWidth * inChannels;
  const inside = info.padInfo.top === 0 && info.padInfo.left === 0 && info.dilationHeight === 1 && info.dilationWidth === 1 &&
    (outHeight - 1) * strideHeight + filterHeight <= inHeight && (outWidth - 1) * strideWidth + filterWidth <= inWidth;
  const name = (filterWidth * inChannels) % 4 === 0 ? 'copyImageRuns' : 'copyImageFloats';
  const copy = inside ? (instantiateOn(memory, PATCH_ROWS_MODULE)?.[name] as ((...args: number[]) => void) | undefined) : undefined;
  if (copy === undefined) {
    const heap = new Float32Array(memory.buffer);
    fillPatchRows(heap, heapAddress(backend, x) / 4, heap, heapAddress(backend, patches) / 4, info, first * perImage, images * perImage, taps);
    return;
  }
  const xImageBytes = inHeight * inWidth * inChannels * 4;
  const [xAddress, patchesAddress] = [heapAddress(backend, x) + first * xImageBytes, heapAddress(backend, patches)];
  const imageRange = (start: number, end: number) => [
    xAddress + start * xImageBytes, patchesAddress + start * perImage * taps * 4, end - start, outHeight, outWidth, filterWidth * inChannels * 4,
    filterHeight, xImageBytes, strideHeight * inWidth * inChannels * 4, inWidth * inChannels * 4, strideWidth * inChannels * 4, taps * 4,
  ];
  const pool = images * perImage * taps >= MIN_POOLED_COPY && images > 1 ? kernelPool(memory) : undefined;
  if (pool === undefined) copy(...imageRange(0, images));
  else pool.run(PATCH_ROWS_MODULE, name, splitRange(images, pool.threads).map(([start, end]) => imageRange(start, end)), copy);
}
