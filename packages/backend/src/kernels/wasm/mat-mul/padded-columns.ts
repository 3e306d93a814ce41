import type { TensorInfo } from '@tensorflow/tfjs-core';
import { allocate, heapView, release, type WasmKernelArgs } from '../wasm-kernel-context';

/** Rounds `columns` up to the SIMD tile's sixteen. */
const paddedWidth = (columns: number) => Math.ceil(columns / 16) * 16;

/**
 * A product whose column count is not a multiple of 16 — a classifier's `[batch, units]·[units, 10]
 * + bias` — on the SIMD kernel anyway: `b` (row-major, not transposed) and the bias are copied into
 * zero-padded scratch sixteen columns wide, `product` runs on them, and the wanted columns are
 * copied out. The padding columns only ever meet zeros, so every kept sum is the one the kernel
 * would compute for those columns; the copies are `depth·16` floats at most beyond the operands.
 * The stock XNNPACK kernel packs `b` at every call instead, ≈ 4× slower on such shapes.
 *
 * @param args the kernel's inputs and attributes (`transposeB` must be false)
 * @param product runs the SIMD product on the padded operands, or returns undefined where it cannot
 * @returns the `[...batch, rows, columns]` product, or undefined where this path does not apply
 */
export function paddedColumnsMatMul(args: WasmKernelArgs, product: (args: WasmKernelArgs) => TensorInfo | undefined): TensorInfo | undefined {
  const { inputs, backend, attrs = {} } = args;
  const { b, bias } = inputs;
  const rank = b.shape.length;
  if (attrs.transposeB === true || b.dtype !== 'float32' || (bias != null && bias.dtype !== 'float32')) return undefined;
  const [depth, columns] = [b.shape[rank - 2], b.shape[rank - 1]];
  const width = paddedWidth(columns);
  if (columns % 16 === 0 || bias != null && bias.shape.reduce((size, length) => size * length, 1) !== columns) return undefined;
  const paddedB = allocate(backend, [...b.shape.slice(0, -1), width], 'float32');
  const paddedBias = bias == null ? undefined : allocate(backend, [width], 'float32');
  const scratch = paddedBias ? [paddedB, paddedBias] : [paddedB];
  try {
    const [from, to] = [heapView(backend, b), heapView(backend, paddedB)];
    to.fill(0);
    for (let row = 0; row < depth; row++) to.set(from.subarray(row * columns, (row + 1) * columns), row * width);
    if (bias && paddedBias) {
      const view = heapView(backend, paddedBias);
      view.fill(0);
      view.set(heapView(backend, bias));
    }
    const padded = product({ ...args, inputs: { ...inputs, b: paddedB, ...(paddedBias ? { bias: paddedBias } : {}) } });
    if (padded === undefined) return undefined;
    scratch.push(padded);
    const rows = padded.shape[padded.shape.length - 2];
    const out = allocate(backend, [...padded.shape.slice(0, -1), columns], 'float32');
    const [source, target] = [heapView(backend, padded), heapView(backend, out)];
    for (let row = 0; row < rows; row++) target.set(source.subarray(row * width, row * width + columns), row * columns);
    return out;
  } finally {
    for (const info of scratch) release(backend, info);
  }
}
