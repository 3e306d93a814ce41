import { describe, expect, it } from 'vitest';
import { seededArray } from '@dendrite/test-utils';
import { COLUMN_SUM_MODULE } from './column-sum-module';
import { instantiateOn } from '../simd/simd-module';

describe('the column-sum SIMD module', () => {
  it('sums the rows in order in float32, bit for bit, on its own memory', () => {
    const [rows, columns] = [9, 8];
    const memory = new WebAssembly.Memory({ initial: 1 });
    const columnSum = instantiateOn(memory, COLUMN_SUM_MODULE)!.columnSum as (...args: number[]) => void;
    const x = new Float32Array(memory.buffer, 0, rows * columns);
    const out = new Float32Array(memory.buffer, rows * columns * 4, columns);
    x.set(seededArray(rows * columns, 3, -10, 10));
    columnSum(x.byteOffset, out.byteOffset, rows, columns * 4, columns * 4);
    const expected = new Float32Array(columns);
    for (let j = 0; j < columns; j++) {
      let sum = x[j];
      for (let r = 1; r < rows; r++) sum = Math.fround(sum + x[r * columns + j]);
      expected[j] = sum;
    }
    expect(out).toEqual(expected);
  });

  it('sums a band of columns (strided rows) to the same floats as the whole call', () => {
    const [rows, columns] = [7, 16];
    const memory = new WebAssembly.Memory({ initial: 1 });
    const columnSum = instantiateOn(memory, COLUMN_SUM_MODULE)!.columnSum as (...args: number[]) => void;
    const x = new Float32Array(memory.buffer, 0, rows * columns);
    const whole = new Float32Array(memory.buffer, rows * columns * 4, columns);
    const banded = new Float32Array(memory.buffer, (rows + 1) * columns * 4, columns);
    x.set(seededArray(rows * columns, 5, -10, 10));
    columnSum(x.byteOffset, whole.byteOffset, rows, columns * 4, columns * 4);
    for (const [from, to] of [[0, 4], [4, 12], [12, 16]]) columnSum(x.byteOffset + from * 4, banded.byteOffset + from * 4, rows, (to - from) * 4, columns * 4);
    expect(banded).toEqual(whole);
  });
});
