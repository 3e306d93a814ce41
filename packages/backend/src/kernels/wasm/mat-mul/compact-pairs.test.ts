import { describe, expect, it } from 'vitest';
import { seededArray } from '@dendrite/test-utils';
import { MAT_MUL_MODULE } from './mat-mul-module';

type Simd = (...args: number[]) => void;

/** compactPairs' entries, computed in JavaScript: per pair, [b offset, a0 bits, a1 bits] of each index where either value is not ±0. */
function expectedEntries(bits: Int32Array, rows: number, depth: number, transposed: boolean, bRowBytes: number): number[][] {
  const at = (row: number, index: number) => bits[transposed ? index * rows + row : row * depth + index];
  const pairs: number[][] = [];
  for (let pair = 0; pair < rows / 2; pair++) {
    const kept: number[] = [];
    for (let index = 0; index < depth; index++) {
      const [value0, value1] = [at(2 * pair, index), at(2 * pair + 1, index)];
      if (((value0 | value1) & 0x7fffffff) !== 0) kept.push(index * bRowBytes, value0, value1);
    }
    pairs.push(kept);
  }
  return pairs;
}

/** MNIST-like rows: zero borders (whole quads of zeros), a dense middle, ±0 mixed in. */
function imageLikeRows(rows: number, depth: number, seed: number): Float32Array {
  const values = seededArray(rows * depth, seed, 0, 1);
  return values.map((value, position) => {
    const index = position % depth;
    const inside = index > depth / 4 && index < (3 * depth) / 4 && value < 0.7;
    return inside ? value : position % 5 === 0 ? -0 : 0;
  });
}

describe('compactPairs and compactAdjacentPairs', () => {
  it.each([
    { rows: 8, depth: 784, transposed: false },
    { rows: 6, depth: 33, transposed: false },
    { rows: 4, depth: 3, transposed: false },
    { rows: 10, depth: 130, transposed: true },
    { rows: 40, depth: 129, transposed: true },
    { rows: 2, depth: 5, transposed: true },
  ])('lists exactly the indices where either row of a pair is not ±0, in order: %j', ({ rows, depth, transposed }) => {
    const memory = new WebAssembly.Memory({ initial: 4 });
    const { compactPairs, compactAdjacentPairs } = new WebAssembly.Instance(new WebAssembly.Module(MAT_MUL_MODULE), { env: { memory } }).exports as Record<string, Simd>;
    const source = imageLikeRows(rows, depth, 1);
    // The left operand as the kernel reads it: rows contiguous, or transposed (a column per row).
    const laidOut = transposed ? Float32Array.from({ length: rows * depth }, (_, position) => source[(position % rows) * depth + Math.floor(position / rows)]) : source;
    new Float32Array(memory.buffer).set(laidOut);
    const [entries, ends, bRowBytes] = [rows * depth * 4, rows * depth * 4 + (rows / 2) * depth * 12, 64];
    const [aRow, aColumn] = transposed ? [4, rows * 4] : [depth * 4, 4];
    // A transposed operand's paired values lie side by side: the kernel lists those with compactAdjacentPairs.
    (transposed ? compactAdjacentPairs : compactPairs)(0, aRow, aColumn, rows / 2, depth, bRowBytes, entries, ends);
    const heap = new Int32Array(memory.buffer);
    const bits = new Int32Array(laidOut.buffer);
    const expected = expectedEntries(bits, rows, depth, transposed, bRowBytes);
    expected.forEach((kept, pair) => {
      const start = (entries + pair * depth * 12) / 4;
      expect(heap[ends / 4 + pair] - entries - pair * depth * 12, `pair ${pair}'s end`).toBe(kept.length * 4);
      expect(Array.from(heap.subarray(start, start + kept.length)), `pair ${pair}'s entries`).toEqual(kept);
    });
    expect(expected.some((kept) => kept.length > 0) && expected.some((kept) => kept.length < depth * 3)).toBe(true);
  });
});
