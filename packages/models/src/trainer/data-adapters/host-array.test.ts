import { describe, expect, it, vi } from 'vitest';
import { tf } from '@dendrite/backend';
import { stringRows, tensorRows, toHostArray } from './host-array';

describe('toHostArray', () => {
  it('keeps a tensor’s rows in it, read back lazily from its first row, int32 as int32 and other numbers as float32', () => {
    const t = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
    const read = vi.spyOn(t, 'dataSync');
    const rows = tensorRows(t, [2, 2], 'float32', 1);
    expect(rows).toMatchObject({ shape: [2, 2], rowSize: 2, firstRow: 1, tensor: t, dtype: 'float32' });
    expect(read).not.toHaveBeenCalled();
    expect(Array.from(rows.values)).toEqual([3, 4, 5, 6]);
    expect(rows.values).toBe(rows.values);
    expect(read).toHaveBeenCalledTimes(1);
    const ints = tf.tensor1d([1, 2], 'int32');
    const flags = tf.tensor1d([1, 0], 'bool');
    expect(toHostArray(ints, 'y')).toMatchObject({ dtype: 'int32', shape: [2], rowSize: 1 });
    expect(toHostArray(flags, 'y')).toMatchObject({ dtype: 'float32', shape: [2], rowSize: 1 });
    tf.dispose([t, ints, flags]);
  });

  it('reads {values, shape} as given (number lists as float32, Int32Array as int32 unless told)', () => {
    expect(toHostArray({ values: [1, 2, 3, 4, 5, 6], shape: [3, 2] }, 'x')).toMatchObject({ dtype: 'float32', shape: [3, 2], rowSize: 2, values: Float32Array.from([1, 2, 3, 4, 5, 6]) });
    expect(toHostArray({ values: Int32Array.from([1, 2]), shape: [2, 1] }, 'x').dtype).toBe('int32');
    expect(toHostArray({ values: Int32Array.from([1, 2]), shape: [2, 1], dtype: 'float32' }, 'x').dtype).toBe('float32');
    expect(toHostArray({ values: new Uint8Array(8), shape: [2, 2, 2] }, 'x')).toMatchObject({ dtype: 'float32', rowSize: 4 });
  });

  it('refuses what has no batch axis, is ragged or is no data, naming the argument', () => {
    const scalar = tf.scalar(1);
    const complex = tf.complex([1], [2]);
    const disposed = tf.tensor1d([1]);
    disposed.dispose();
    expect(() => toHostArray(scalar, 'x')).toThrow('Expected x to have a batch axis, received a scalar');
    expect(() => toHostArray(complex, 'x')).toThrow('Expected x to have a numeric dtype, received complex64');
    expect(() => toHostArray(disposed, 'x')).toThrow('Expected x to be a live tensor, received a disposed one');
    expect(() => toHostArray({ values: [1], shape: [] }, 'x')).toThrow('Expected x to have a batch axis, received a scalar');
    expect(() => toHostArray([[1, 2], [3]] as never, 'y')).toThrow('Expected y to be a rectangular nested array, received a ragged one');
    expect(() => toHostArray(null as never, 'y')).toThrow('Expected y to be a tensor, a {values, shape} typed array or a nested array, received null');
    expect(() => toHostArray({ a: 1 } as never, 'y')).toThrow('Expected y to be a tensor, a {values, shape} typed array or a nested array, received an object with keys [a]');
    tf.dispose([scalar, complex]);
  });

  it('takes strings only for an input that declares them or says no dtype', () => {
    expect(toHostArray([['a'], ['b']], 'x', { name: 'text', dtype: undefined })).toMatchObject({ dtype: 'string', shape: [2, 1], rowSize: 1, strings: ['a', 'b'] });
    expect(() => toHostArray(['a', 'b'], 'y')).toThrow(new TypeError('Expected y to have a numeric dtype, received the string "a"'));
    expect(() => toHostArray([[1], ['b']] as never, 'x', { name: 'in', dtype: 'float32' })).toThrow(
      new TypeError('Expected x (input "in") to have a numeric dtype as the model\'s input is float32, received the string "b"'),
    );
    expect(() => toHostArray([['a', 1]] as never, 'x', { name: 'text', dtype: 'string' })).toThrow(
      new TypeError('Expected x to be a rectangular nested array of strings, received a ragged or mixed one'),
    );
    expect(() => toHostArray([['a', 'b'], ['c']], 'x', { name: 'text', dtype: 'string' })).toThrow('received a ragged or mixed one');
    const words = tf.tensor1d(['a', 'b'], 'string');
    const word = tf.scalar('a');
    expect(toHostArray(words, 'x', { name: 'text', dtype: 'string' })).toMatchObject({ dtype: 'string', shape: [2], strings: ['a', 'b'] });
    expect(() => toHostArray(words, 'x')).toThrow(new TypeError('Expected x to have a numeric dtype, received a string tensor'));
    expect(() => toHostArray(word, 'x', { name: 'text', dtype: 'string' })).toThrow('Expected x to have a batch axis, received a scalar');
    tf.dispose([words, word]);
    expect(() => stringRows(['a', 'b'], [1, 2]).values).toThrow(new TypeError('Expected numbers, received rows of strings of shape [1, 2]'));
  });
});
