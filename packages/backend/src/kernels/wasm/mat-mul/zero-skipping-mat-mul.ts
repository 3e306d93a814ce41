import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { allocate, heapAddress, heapView, release, wasmMemory } from '../wasm-kernel-context';
import { kernelPool, splitRange } from '../threads/kernel-pool';
import { matMulModule } from './mat-mul-module';
import { partsFor } from './pooled-product-parts';

type Simd = (...args: number[]) => void;

/** Above this share of kept (pair, index) entries, the dense kernel is as fast: it runs instead. */
export const MAX_KEPT_SHARE = 0.6;
/** Dense multiply-adds below which a sparse product runs on one thread. */
const MIN_POOLED_SPARSE_WORK = 1 << 20;
// Entries take twelve bytes per pair and shared index; past this the scratch is not worth it.
const MAX_ENTRY_BYTES = 32 << 20;

/** The operands of one product as `simdMatMul` lays them out for the module's kernels. */
export interface ZeroSkippingOperands {
  /** The left operand, read through byte strides. */
  left: TensorInfo;
  leftRowBytes: number;
  leftColumnBytes: number;
  /** The right operand, row-major. */
  right: TensorInfo;
  product: TensorInfo;
  bias?: TensorInfo;
  rows: number;
  columns: number;
  depth: number;
  relu: boolean;
}

/**
 * The product with the module's zero-skipping kernel, when the left operand is sparse enough:
 * `compactPairs` lists, for each pair of output rows, the shared indices where either left value
 * is not ±0, and `matmulSparse` sums only those, in order — bit for bit the dense kernel's sums,
 * since adding ±0 leaves a float32 sum as it is. A dense layer's inputs and gradients are often
 * mostly zeros (MNIST pixels ≈ 81 %, relu and dropout outputs about half), so this skips most
 * of the work of both of its large products. It is skipped when more than {@link MAX_KEPT_SHARE}
 * of the entries are kept, and when the right operand holds an infinity or NaN, whose products
 * with zero are NaN and must not be skipped.
 *
 * @param exports the instantiated matmul module (`compactPairs`, `compactAdjacentPairs`, `matmulSparse`, `nonFinite`)
 * @returns whether the product was written (false: run the dense kernel)
 */
export function zeroSkippingMatMul(backend: BackendWasm, exports: WebAssembly.Exports, operands: ZeroSkippingOperands): boolean {
  const { left, leftRowBytes, leftColumnBytes, right, product, bias, rows, columns, depth, relu } = operands;
  const pairs = rows / 2;
  if (pairs * depth * 12 > MAX_ENTRY_BYTES) return false;
  const entries = allocate(backend, [pairs * depth * 3], 'int32');
  // The pairs' end addresses, then sixteen bytes for nonFinite's flags.
  const ends = allocate(backend, [pairs + 4], 'int32');
  try {
    const entriesAddress = heapAddress(backend, entries);
    const endsAddress = heapAddress(backend, ends);
    const leftAddress = heapAddress(backend, left);
    const endsView = heapView(backend, ends) as Int32Array;
    // A transposed left operand (paired values side by side) is listed index by index, four pairs at a time.
    const compactName = leftRowBytes === 4 ? 'compactAdjacentPairs' : 'compactPairs';
    const compact = exports[compactName] as Simd;
    const listFrom = (from: number, to: number) => [leftAddress + from * 2 * leftRowBytes, leftRowBytes, leftColumnBytes, to - from, depth, columns * 4, entriesAddress + from * depth * 12, endsAddress + from * 4];
    // Addresses past 2 GB read negative from an Int32Array: `>>> 0` reads them unsigned.
    const keptIn = (from: number, to: number) => {
      let kept = 0;
      for (let pair = from; pair < to; pair++) kept += ((endsView[pair] >>> 0) - entriesAddress - pair * depth * 12) / 12;
      return kept;
    };
    const memory = wasmMemory(backend);
    const pool = memory && rows * depth * columns >= MIN_POOLED_SPARSE_WORK ? kernelPool(memory) : undefined;
    // An eighth of the pairs first: a dense operand costs only that much listing before the dense kernel.
    const sampled = Math.ceil(pairs / 8);
    compact(...listFrom(0, sampled));
    const keptInSample = keptIn(0, sampled);
    if (keptInSample > MAX_KEPT_SHARE * sampled * depth) return false;
    // The rest listed over the pool: each thread writes the entries of its pairs, which a thread
    // then reads; written all by the calling thread, they cost a transfer between cores each.
    if (pool === undefined) compact(...listFrom(sampled, pairs));
    else pool.run(matMulModule(), compactName, splitRange(pairs - sampled, pool.parts).map(([from, to]) => listFrom(sampled + from, sampled + to)), compact);
    if (keptInSample + keptIn(sampled, pairs) > MAX_KEPT_SHARE * pairs * depth) return false;
    (exports.nonFinite as Simd)(heapAddress(backend, right), depth * columns * 4, endsAddress + pairs * 4);
    if (endsView.subarray(pairs, pairs + 4).some((flag) => flag !== 0)) return false;
    const [rightAddress, productAddress, biasAddress] = [heapAddress(backend, right), heapAddress(backend, product), bias ? heapAddress(backend, bias) : 0];
    const pairsFrom = (from: number, to: number) => [
      entriesAddress + from * depth * 12, endsAddress + from * 4, rightAddress, productAddress + from * 2 * columns * 4, biasAddress,
      to - from, columns * 4, depth, bias ? 1 : 0, relu ? 1 : 0,
    ];
    if (pool === undefined) (exports.matmulSparse as Simd)(...pairsFrom(0, pairs));
    // Row pairs split over the threads: each pair's sums are the one-thread kernel's.
    else pool.run(matMulModule(), 'matmulSparse', splitRange(pairs, partsFor(pool, depth, columns)).map(([from, to]) => pairsFrom(from, to)), exports.matmulSparse as Simd);
    return true;
  } finally {
    release(backend, entries);
    release(backend, ends);
  }
}
