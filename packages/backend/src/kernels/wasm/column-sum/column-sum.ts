import type { KernelFunc } from '@tensorflow/tfjs-core';
import { COLUMN_SUM_MODULE } from './column-sum-module';
import { instantiateOn } from '../simd/simd-module';
import { allocate, heapAddress, wasmMemory, type WasmKernelArgs } from '../wasm-kernel-context';
import { type WasmKernelOverride, assertStock } from '../wasm-kernel-overrides';

type ColumnSumSimd = (x: number, out: number, rows: number, rowBytes: number) => void;

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
      columnSum(heapAddress(backend, x), heapAddress(backend, output), rows, columns * 4);
      return output;
    };
  },
};
