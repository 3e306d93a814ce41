import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { COLUMN_SUM_MODULE } from './column-sum-module';
import { instantiateOn } from '../simd/simd-module';
import { kernelPool, splitRange } from '../threads/kernel-pool';
import type { PooledKernels } from '../threads/pooled-kernels';
import { allocate, heapAddress, heapView, release, wasmMemory, type WasmKernelArgs } from '../wasm-kernel-context';
import { type WasmKernelOverride, assertStock } from '../wasm-kernel-overrides';

type ColumnSumSimd = (x: number, out: number, rows: number, rowBytes: number, strideBytes: number) => void;

/** Values summed below which a column sum stays on one thread (waking the pool costs more). */
export const MIN_POOLED_VALUES = 1 << 16;
/** Floats in a 64-byte cache line. */
const LINE_FLOATS = 16;

/**
 * The column sums split over the pool: one band of whole cache lines of columns per thread (every
 * thread reads every row, so more, narrower bands only read the rows more often), each summed into
 * lines of scratch of its own, then copied out. The sums are updated in memory at every row:
 * bands whose sums shared a cache line moved it between the cores at every row (on the MNIST CNN's
 * bias gradients, 8 bands of 4 columns summed 6× slower on two threads than on one).
 */
function pooledColumnSum(backend: BackendWasm, pool: PooledKernels, columnSum: ColumnSumSimd, xAddress: number, rows: number, columns: number, output: TensorInfo): void {
  const bands = splitRange(columns, pool.threads, LINE_FLOATS);
  // Band k's sums start at its first column plus k lines, from the first 64-byte boundary: a line apart.
  const scratch = allocate(backend, [columns + (bands.length + 1) * LINE_FLOATS], 'float32');
  try {
    const scratchAddress = heapAddress(backend, scratch);
    const lineStart = (((scratchAddress + 63) & ~63) - scratchAddress) / 4;
    const sumsAt = (band: number) => lineStart + bands[band][0] + band * LINE_FLOATS;
    pool.run(COLUMN_SUM_MODULE, 'columnSum', bands.map(([from, to], band) => [xAddress + from * 4, scratchAddress + sumsAt(band) * 4, rows, (to - from) * 4, columns * 4]), columnSum);
    const [sums, out] = [heapView(backend, scratch) as Float32Array, heapView(backend, output) as Float32Array];
    bands.forEach(([from, to], band) => out.set(sums.subarray(sumsAt(band), sumsAt(band) + to - from), from));
  } finally {
    release(backend, scratch);
  }
}

/** Whether `axis` names every axis of a rank-`rank` tensor but the last. */
function reducesAllButLast(axis: number | number[], rank: number): boolean {
  const axes = Array.isArray(axis) ? axis : [axis];
  if (axes.length !== rank - 1) return false;
  // rank − 1 axes, each below rank − 1 and none twice: exactly the axes before the last.
  let seen = 0;
  for (const value of axes) {
    const index = value < 0 ? value + rank : value;
    if (!Number.isInteger(index) || index < 0 || index >= rank - 1 || seen & (1 << index)) return false;
    seen |= 1 << index;
  }
  return true;
}

/**
 * `Sum` over every axis but the last (a bias gradient: column sums of `[batch, units]`) of float32
 * data with a multiple of 4 columns, summed in place four columns at a time: the stock kernel
 * transposes first, and the transpose cost more than the sum. Other sums run the stock kernel.
 * Large sums split their columns, in bands of whole cache lines, over the kernel pool's threads:
 * each column is summed by one thread in row order, so the result equals one thread's bit for bit.
 */
export const columnSumOverride: WasmKernelOverride = {
  kernelName: 'Sum',
  makeKernel(stock: KernelFunc | undefined): KernelFunc {
    assertStock(stock, 'Sum');
    return (rawArgs) => {
      const { inputs, backend, attrs = {} } = rawArgs as unknown as WasmKernelArgs;
      const x = inputs.x;
      const rank = x.shape.length;
      const columns = x.shape[rank - 1];
      const rows = x.shape.slice(0, -1).reduce((product, size) => product * size, 1);
      if (x.dtype !== 'float32' || rank < 2 || columns % 4 !== 0 || columns === 0 || rows === 0) return stock(rawArgs);
      if (!reducesAllButLast(attrs.axis as number | number[], rank)) return stock(rawArgs);
      const memory = wasmMemory(backend);
      const columnSum = memory && (instantiateOn(memory, COLUMN_SUM_MODULE)?.columnSum as ColumnSumSimd | undefined);
      if (!columnSum) return stock(rawArgs);
      const output = allocate(backend, attrs.keepDims === true ? [...x.shape.slice(0, -1).map(() => 1), columns] : [columns], 'float32');
      const [xAddress, outAddress] = [heapAddress(backend, x), heapAddress(backend, output)];
      const pool = rows * columns >= MIN_POOLED_VALUES && columns >= 2 * LINE_FLOATS ? kernelPool(memory) : undefined;
      if (pool === undefined) columnSum(xAddress, outAddress, rows, columns * 4, columns * 4);
      else pooledColumnSum(backend, pool, columnSum, xAddress, rows, columns, output);
      return output;
    };
  },
};
