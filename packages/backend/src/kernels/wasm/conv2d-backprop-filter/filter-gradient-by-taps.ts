import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { tf } from '../../../tf/index';
import { MAX_FILTER_TAPS, filterTapsModule } from './filter-taps-module';
import { instantiateOn } from '../simd/simd-module';
import { kernelPool, splitRange } from '../threads/kernel-pool';
import { allocate, heapAddress, heapView, release, wasmMemory } from '../wasm-kernel-context';

type FilterTaps = (...args: number[]) => void;

/** Multiply-adds below which the gradient stays on one thread. */
const MIN_POOLED_WORK = 1 << 20;

/**
 * The filter gradient of a float32 NHWC convolution with few taps (`kh·kw·cin` ≤ 16, as a first
 * layer on one- or three-channel images) and a multiple of 4 output channels, accumulated
 * directly over the output positions by {@link filterTapsModule}: no patch matrix, no chunks. As
 * a matmul its depth (`n·oh·ow`, 86 528 for MNIST) dwarfs its `[9, 32]` result, which no matmul
 * kernel is shaped for. A padded convolution reads a zero-padded copy of `x`. Large gradients split
 * their output channels, in bands of 4, over the kernel pool's threads (equal to one thread's, bit
 * for bit: each channel is summed by one thread in the same order).
 *
 * @returns the gradient, or undefined where this path does not apply (the caller's other paths run)
 */
export function filterGradientByTaps(backend: BackendWasm, x: TensorInfo, dy: TensorInfo, info: tf.backend_util.Conv2DInfo): TensorInfo | undefined {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const taps = filterHeight * filterWidth * inChannels;
  if (taps > MAX_FILTER_TAPS || outChannels % 4 !== 0 || info.dilationHeight !== 1 || info.dilationWidth !== 1) return undefined;
  const memory = wasmMemory(backend);
  if (!memory) return undefined;
  const { top, left } = info.padInfo;
  const spanHeight = (outHeight - 1) * strideHeight + filterHeight;
  const spanWidth = (outWidth - 1) * strideWidth + filterWidth;
  const padded = top !== 0 || left !== 0 || spanHeight > inHeight || spanWidth > inWidth;
  const [height, width] = padded ? [spanHeight, spanWidth] : [inHeight, inWidth];
  const tapBytes: number[] = [];
  for (let kh = 0; kh < filterHeight; kh++) {
    for (let kw = 0; kw < filterWidth; kw++) for (let c = 0; c < inChannels; c++) tapBytes.push(((kh * width + kw) * inChannels + c) * 4);
  }
  const module = filterTapsModule(tapBytes);
  const filterTaps = instantiateOn(memory, module)?.filterTaps as FilterTaps | undefined;
  if (!filterTaps) return undefined;
  const source = padded ? allocate(backend, [batchSize, height, width, inChannels], 'float32') : x;
  const out = allocate(backend, [filterHeight, filterWidth, inChannels, outChannels], 'float32');
  try {
    (heapView(backend, out) as Float32Array).fill(0);
    if (padded) copyPadded(heapView(backend, x) as Float32Array, heapView(backend, source) as Float32Array, info, height, width);
    const [sourceAddress, dyAddress, outAddress] = [heapAddress(backend, source), heapAddress(backend, dy), heapAddress(backend, out)];
    const band = (from: number, to: number) => [
      sourceAddress, dyAddress + from * 4, outAddress + from * 4, batchSize, outHeight, outWidth,
      height * width * inChannels * 4, strideHeight * width * inChannels * 4, strideWidth * inChannels * 4, outChannels * 4, (to - from) * 4,
    ];
    const work = batchSize * outHeight * outWidth * taps * outChannels;
    const pool = work >= MIN_POOLED_WORK && outChannels >= 8 ? kernelPool(memory) : undefined;
    if (pool === undefined) filterTaps(...band(0, outChannels));
    // One band per thread, of whole cache lines of channels where they divide: every band reads
    // all of dy and x, so more, narrower bands only read them more often.
    else pool.run(module, 'filterTaps', splitRange(outChannels, pool.threads, outChannels % 16 === 0 ? 16 : 4).map(([from, to]) => band(from, to)), filterTaps);
    return out;
  } catch (error) {
    release(backend, out);
    throw error;
  } finally {
    if (padded) release(backend, source);
  }
}

/** `x` inside zeros: `[n, height, width, cin]` with the input at `(top, left)`, cut where it overruns. */
function copyPadded(x: Float32Array, target: Float32Array, info: tf.backend_util.Conv2DInfo, height: number, width: number): void {
  const { batchSize, inHeight, inWidth, inChannels } = info;
  const { top, left } = info.padInfo;
  target.fill(0);
  const rowStart = Math.max(0, top);
  const rowEnd = Math.min(height, top + inHeight);
  const columnStart = Math.max(0, left);
  const columnEnd = Math.min(width, left + inWidth);
  if (rowEnd <= rowStart || columnEnd <= columnStart) return;
  for (let n = 0; n < batchSize; n++) {
    for (let row = rowStart; row < rowEnd; row++) {
      const from = ((n * inHeight + row - top) * inWidth + columnStart - left) * inChannels;
      target.set(x.subarray(from, from + (columnEnd - columnStart) * inChannels), ((n * height + row) * width + columnStart) * inChannels);
    }
  }
}
