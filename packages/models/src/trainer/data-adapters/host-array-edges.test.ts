import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { tensorRows, toHostArray } from './host-array';

describe('toHostArray, edges', () => {
  it('refuses {values, shape} whose size does not match its shape, and names what else it received', () => {
    expect(() => toHostArray({ values: [1, 2, 3], shape: [2, 2] }, 'x')).toThrow(new Error('Expected x.values to hold 4 numbers for shape [2, 2], received 3'));
    expect(() => toHostArray({ values: new Float32Array(5), shape: [2, 2] }, 'x')).toThrow(new Error('Expected x.values to hold 4 numbers for shape [2, 2], received 5'));
    expect(() => toHostArray(7 as never, 'y')).toThrow(new Error('Expected y to be a tensor, a {values, shape} typed array or a nested array, received number 7'));
    expect(() => toHostArray(undefined as never, 'y')).toThrow(new Error('Expected y to be a tensor, a {values, shape} typed array or a nested array, received undefined'));
  });

  it('flattens nested numbers and strings row-major, one row per sample', () => {
    const numbers = toHostArray([[[1, 2]], [[3, 4]], [[5, 6]]], 'x');
    expect({ values: Array.from(numbers.values), shape: numbers.shape, dtype: numbers.dtype, rowSize: numbers.rowSize }).toEqual({ values: [1, 2, 3, 4, 5, 6], shape: [3, 1, 2], dtype: 'float32', rowSize: 2 });
    const text = toHostArray([['a', 'b', 'c'], ['d', 'e', 'f']], 'x', { name: 'text', dtype: 'string' });
    expect({ strings: text.strings, shape: text.shape, dtype: text.dtype, rowSize: text.rowSize }).toEqual({ strings: ['a', 'b', 'c', 'd', 'e', 'f'], shape: [2, 3], dtype: 'string', rowSize: 3 });
    const untyped = toHostArray(['a', 'b'], 'x', { name: 'any', dtype: undefined });
    expect(untyped.strings).toEqual(['a', 'b']);
    expect(() => toHostArray(['a', 'b'], 'x', { name: 'in', dtype: 'int32' })).toThrow(new TypeError('Expected x (input "in") to have a numeric dtype as the model\'s input is int32, received the string "a"'));
  });

  it("reads a tensor's rows from firstRow on, shape[0] of them", () => {
    const tensor = tf.tensor2d([[1, 2], [3, 4], [5, 6], [7, 8]]);
    const rows = tensorRows(tensor, [2, 2], 'float32', 1);
    expect(Array.from(rows.values)).toEqual([3, 4, 5, 6]);
    expect(rows.rowSize).toBe(2);
    expect(Array.from(tensorRows(tensor, [1, 2], 'float32').values)).toEqual([1, 2]);
    tensor.dispose();
  });
});
