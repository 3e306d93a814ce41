import type { TensorInfo } from '@tensorflow/tfjs-core';
import { matMulModule } from './mat-mul-module';
import { fitsSimdTile, matMulLayout } from './mat-mul-layout';
import { paddedColumnsMatMul } from './padded-columns';
import { instantiateOn } from '../simd/simd-module';
import { allocate, heapAddress, release, transposeLastTwo, wasmMemory, type WasmKernelArgs } from '../wasm-kernel-context';
import { zeroSkippingMatMul } from './zero-skipping-mat-mul';
import { kernelPool, splitRange } from '../threads/kernel-pool';
import { partsFor } from './pooled-product-parts';

type MatMulSimd = (...args: number[]) => void;

/** Multiply-adds below which a product runs on one thread (waking the pool costs more). */
export const MIN_POOLED_WORK = 1 << 20;

// Larger shared dimensions push b's sixteen-column panel (depth × 64 bytes) out of the caches.
const MAX_DEPTH = 4096;

/**
 * `BatchMatMul` or `_FusedMatMul` (linear or relu, bias over the columns) with Dendrite's SIMD
 * matmul, for float32 operands without batching (every batch dimension 1), an even number of
 * output rows and a multiple of 16 output columns (or, without bias, the other way round: the
 * product then runs transposed); undefined for anything else (the caller runs the stock kernel).
 * XNNPACK packs its `b` operand at every call whose `b` is new — every training
 * step, for weights and gradients alike — and packing cost it about as much as the product for a
 * dense layer's shapes; this kernel reads `b` where it lies and `a` through strides, so neither a
 * transposed `a` nor a changed `b` costs a copy (a transposed `b` is transposed first).
 *
 * @param args the kernel's inputs (`a`, `b`, optionally `bias`), backend and attributes
 * @returns the product, or undefined where the stock kernel must run
 * @example
 * ```ts
 * const product = simdMatMul(args) ?? stock(args);
 * ```
 */
export function simdMatMul({ inputs, backend, attrs = {} }: WasmKernelArgs): TensorInfo | undefined {
  const { a, b, bias, preluActivationWeights } = inputs;
  const activation = (attrs.activation as string | undefined) ?? 'linear';
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length !== b.shape.length || preluActivationWeights != null) return undefined;
  if (activation !== 'linear' && activation !== 'relu') return undefined;
  const rank = a.shape.length;
  if (a.shape.slice(0, -2).some((size) => size !== 1) || b.shape.slice(0, -2).some((size) => size !== 1)) return undefined;
  const transposeA = attrs.transposeA === true;
  const transposeB = attrs.transposeB === true;
  const [rows, depth] = transposeA ? [a.shape[rank - 1], a.shape[rank - 2]] : [a.shape[rank - 2], a.shape[rank - 1]];
  const [depthB, columns] = transposeB ? [b.shape[rank - 1], b.shape[rank - 2]] : [b.shape[rank - 2], b.shape[rank - 1]];
  if (depth !== depthB || depth < 1 || depth > MAX_DEPTH) return undefined;
  if (bias != null && (bias.dtype !== 'float32' || bias.shape.reduce((size, length) => size * length, 1) !== columns)) return undefined;
  // A narrow product without bias (a last layer's weight gradient, `[units, 10]`), or one whose
  // operands are both transposed, runs transposed, `cᵀ = bᵀ·aᵀ`, and its result is transposed back.
  const layout = matMulLayout({ rows, columns, depth, transposeA, transposeB, swappable: bias == null && activation === 'linear' });
  // Columns short of a multiple of 16 (a classifier's ten) run padded to it where the rows fit.
  if (layout === undefined) return fitsSimdTile(rows, 16) && columns % 16 !== 0 ? paddedColumnsMatMul({ inputs, backend, attrs }, simdMatMul) : undefined;
  const { swapped } = layout;
  const memory = wasmMemory(backend);
  const exports = memory && instantiateOn(memory, matMulModule());
  const matmul = exports?.matmul as MatMulSimd | undefined;
  if (!exports || !matmul) return undefined;

  const batchShape = a.shape.slice(0, -2);
  const scratch: TensorInfo[] = [];
  // The left operand is read through strides; the right one must be row-major.
  const [left, leftTransposed, right] = swapped ? [b, !transposeB, a] : [a, transposeA, b];
  const [productRows, productColumns] = swapped ? [columns, rows] : [rows, columns];
  const rightRowMajor = layout.transposeRight ? transposeLastTwo(backend, right) : right;
  if (rightRowMajor !== right) scratch.push(rightRowMajor);
  const product = allocate(backend, [...batchShape, productRows, productColumns], 'float32');
  const [leftRowBytes, leftColumnBytes] = leftTransposed ? [4, productRows * 4] : [depth * 4, 4];
  const relu = activation === 'relu';
  const operands = { left, leftRowBytes, leftColumnBytes, right: rightRowMajor, product, bias, rows: productRows, columns: productColumns, depth, relu };
  try {
    if (!zeroSkippingMatMul(backend, exports, operands)) {
      const [leftAddress, rightAddress, productAddress, biasAddress] = [left, rightRowMajor, product].map((info) => heapAddress(backend, info)).concat(bias ? heapAddress(backend, bias) : 0);
      const rowsFrom = (from: number, to: number) => [
        leftAddress + from * leftRowBytes, rightAddress, productAddress + from * productColumns * 4, biasAddress,
        to - from, productColumns * 4, depth, leftRowBytes, leftColumnBytes, bias ? 1 : 0, relu ? 1 : 0,
      ];
      const pool = productRows * depth * productColumns >= MIN_POOLED_WORK ? kernelPool(memory!) : undefined;
      if (pool === undefined) matmul(...rowsFrom(0, productRows));
      // Row pairs split over the threads: each output row's sums are the one-thread kernel's.
      else pool.run(matMulModule(), 'matmul', splitRange(productRows, partsFor(pool, depth, productColumns), 2).map(([from, to]) => rowsFrom(from, to)), matmul);
    }
    if (!swapped) return product;
    // The small transposed product, turned back; the product itself is scratch then.
    scratch.push(product);
    return transposeLastTwo(backend, product);
  } catch (error) {
    if (!scratch.includes(product)) release(backend, product);
    throw error;
  } finally {
    for (const info of scratch) release(backend, info);
  }
}
