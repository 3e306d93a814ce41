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
    columnSum(x.byteOffset, out.byteOffset, rows, columns * 4);
    const expected = new Float32Array(columns);
    for (let j = 0; j < columns; j++) {
      let sum = x[j];
      for (let r = 1; r < rows; r++) sum = Math.fround(sum + x[r * columns + j]);
      expected[j] = sum;
    }
    expect(out).toEqual(expected);
  });
});
