import type { TensorInfo } from '@tensorflow/tfjs-core';
import { tf } from '../../../tf/index';
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
 * itself bit for bit on any number of threads. The patches are SIMD copies per image, split over
 * the pool by images: runs of `kw·cin` floats (`copyImageRuns` where that is a multiple of 4,
 * else `copyImageFloats`), from the input itself where every tap falls inside it (`valid`), else
 * from a zero-padded copy of the images (`same`, explicit pads). Batches whose patches exceed
 * `patchBudget` scalars run in chunks of images.
 *
 * @param args the kernel's inputs (`x`, `filter`, optionally `bias`), backend and attributes
 * @returns the `[n, oh, ow, cout]` output, or undefined where this path does not apply (other
 *   dtypes or formats, dilations, prelu or other activations, an odd row count, more than 4096
 *   taps, no SIMD): the caller then runs the stock kernel
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
  if (info.dilationHeight !== 1 || info.dilationWidth !== 1 || info.padInfo.top < 0 || info.padInfo.left < 0) return undefined;
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
    if (!writePatches(args, info, patches, first, images)) return undefined;
    return simdMatMul({
      inputs: { a: patches, b: weights, ...(bias ? { bias } : {}) },
      backend,
      attrs: { transposeA: false, transposeB: false, activation: (attrs.activation as string | undefined) ?? 'linear' },
    });
  } finally {
    release(backend, patches);
  }
}

/**
 * Writes the im2col rows of images `[first, first + images)` of `x` into `patches`, `kh·kw·cin`
 * floats each, by SIMD copies from `x` itself where every tap falls inside it, else from a
 * zero-padded copy of those images (each window then inside); false where the module cannot run.
 */
function writePatches(args: WasmKernelArgs, info: tf.backend_util.Conv2DInfo, patches: TensorInfo, first: number, images: number): boolean {
  const { backend, inputs: { x } } = args;
  const memory = wasmMemory(backend)!;
  const { inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;
  const name = (filterWidth * inChannels) % 4 === 0 ? 'copyImageRuns' : 'copyImageFloats';
  const copy = instantiateOn(memory, PATCH_ROWS_MODULE)?.[name] as ((...args: number[]) => void) | undefined;
  if (copy === undefined) return false;
  // The rows and columns the windows span: the padded input, cut where no window reaches.
  const [height, width] = [(outHeight - 1) * strideHeight + filterHeight, (outWidth - 1) * strideWidth + filterWidth];
  const inside = top === 0 && left === 0 && height <= inHeight && width <= inWidth;
  const [rows, columns] = inside ? [inHeight, inWidth] : [height, width];
  const padded = inside ? undefined : allocate(backend, [images, height, width, inChannels], 'float32');
  try {
    const pixelFloats = inChannels;
    const imageBytes = rows * columns * pixelFloats * 4;
    let source = heapAddress(backend, x) + first * imageBytes;
    if (padded !== undefined) {
      // Views only now: the allocation may have grown (and detached) the heap.
      const heap = new Float32Array(memory.buffer);
      const [to, from] = [heapAddress(backend, padded) / 4, heapAddress(backend, x) / 4 + first * inHeight * inWidth * pixelFloats];
      heap.fill(0, to, to + images * height * width * pixelFloats);
      const runFloats = Math.min(inWidth, width - left) * pixelFloats;
      const lastRow = Math.min(inHeight, height - top);
      for (let image = 0; image < images && runFloats > 0; image++) {
        for (let row = 0; row < lastRow; row++) {
          const start = from + (image * inHeight + row) * inWidth * pixelFloats;
          heap.copyWithin(to + ((image * height + row + top) * width + left) * pixelFloats, start, start + runFloats);
        }
      }
      source = heapAddress(backend, padded);
    }
    const perImage = outHeight * outWidth;
    const taps = filterHeight * filterWidth * inChannels;
    const patchesAddress = heapAddress(backend, patches);
    const imageRange = (start: number, end: number) => [
      source + start * imageBytes, patchesAddress + start * perImage * taps * 4, end - start, outHeight, outWidth, filterWidth * pixelFloats * 4,
      filterHeight, imageBytes, strideHeight * columns * pixelFloats * 4, columns * pixelFloats * 4, strideWidth * pixelFloats * 4, taps * 4,
    ];
    const pool = images * perImage * taps >= MIN_POOLED_COPY && images > 1 ? kernelPool(memory) : undefined;
    if (pool === undefined) copy(...imageRange(0, images));
    else pool.run(PATCH_ROWS_MODULE, name, splitRange(images, pool.parts).map(([start, end]) => imageRange(start, end)), copy);
    return true;
  } finally {
    if (padded !== undefined) release(backend, padded);
  }
}
