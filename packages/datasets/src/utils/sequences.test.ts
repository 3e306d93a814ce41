import { describe, expect, it } from 'vitest';
import { padSequences, vectorizeSequences } from './sequences';

describe('padSequences options', () => {
  const sequences = [[1, 2, 3, 4], [5, 6], [7]];

  it('reads a bare number as maxlen, Keras’s second argument', () => {
    expect(padSequences(sequences, 2)).toEqual({ values: Int32Array.from([3, 4, 5, 6, 0, 7]), shape: [3, 2] });
  });

  it('pads float32 values when asked, and refuses a dtype, maxlen or value it does not make', () => {
    expect(padSequences([[1.5]], { maxlen: 2, dtype: 'float32', value: 0.25 }).values).toEqual(Float32Array.from([0.25, 1.5]));
    expect(() => padSequences(sequences, { dtype: 'float64' as never })).toThrow('Expected dtype to be "int32" or "float32" in padSequences, received "float64"');
    expect(() => padSequences(sequences, { maxlen: -1 })).toThrow('Expected maxlen to be an integer ≥ 0 in padSequences, received -1');
    expect(() => padSequences(sequences, { value: '0' as never })).toThrow('Expected value to be a number in padSequences, received "0"');
    expect(() => padSequences(sequences, { maxLen: 3 } as never)).toThrow('Unknown option "maxLen" in padSequences: did you mean "maxlen"?');
  });

  it('reads a maxlen of null as none (Keras’s maxlen=None) and makes rows of 0 for maxlen 0', () => {
    const longest = { values: Int32Array.from([1, 2, 3, 4, 0, 0, 5, 6, 0, 0, 0, 7]), shape: [3, 4] };
    expect(padSequences(sequences)).toEqual(longest);
    expect(padSequences(sequences, { maxlen: null as never })).toEqual(longest);
    expect(padSequences(sequences, 0)).toEqual({ values: new Int32Array(0), shape: [3, 0] });
  });

  it('truncates and pads at either end, a sequence of exactly maxlen kept whole', () => {
    // Keras: truncating='post' keeps s[:maxlen], 'pre' keeps s[-maxlen:]; padding='post' pads after.
    const sequences = [[1, 2, 3], [4], [5, 6]];
    expect(padSequences(sequences, { maxlen: 2, truncating: 'post' }).values).toEqual(Int32Array.from([1, 2, 0, 4, 5, 6]));
    expect(padSequences(sequences, { maxlen: 2, truncating: 'pre', padding: 'post' }).values).toEqual(Int32Array.from([2, 3, 4, 0, 5, 6]));
    expect(padSequences(sequences, { maxlen: 2, dtype: 'int32' }).values).toEqual(Int32Array.from([2, 3, 0, 4, 5, 6]));
  });

  it('refuses a maxlen or value it cannot use with the error class of the mistake', () => {
    expect(() => padSequences(sequences, { maxlen: -1 })).toThrow(RangeError);
    expect(() => padSequences(sequences, { maxlen: 1.5 })).toThrow(new RangeError('Expected maxlen to be an integer ≥ 0 in padSequences, received 1.5'));
    expect(() => padSequences(sequences, { maxlen: '3' as never })).toThrow(new TypeError('Expected maxlen to be an integer ≥ 0 in padSequences, received "3"'));
    expect(() => padSequences(sequences, { value: '0' as never })).toThrow(TypeError);
  });
});

describe('vectorizeSequences', () => {
  it('puts a 1 at every index of each sequence, once however often it repeats', () => {
    expect(vectorizeSequences([[1, 3, 1], [0]], 4)).toEqual({ values: Float32Array.from([0, 1, 0, 1, 1, 0, 0, 0]), shape: [2, 4] });
    expect(vectorizeSequences([[0], [], [0]], 1)).toEqual({ values: Float32Array.from([1, 0, 1]), shape: [3, 1] });
  });

  it('refuses an index outside [0, dimension) or not an integer, naming the sequence', () => {
    expect(() => vectorizeSequences([[0], [1, -1]], 4)).toThrow(new Error('Expected word indices in [0, 4), received -1 in sequence 1'));
    expect(() => vectorizeSequences([[4]], 4)).toThrow(new Error('Expected word indices in [0, 4), received 4 in sequence 0'));
    expect(() => vectorizeSequences([[1.5]], 4)).toThrow(new Error('Expected word indices in [0, 4), received 1.5 in sequence 0'));
  });

  it('refuses a dimension vectorizeSequences cannot use', () => {
    expect(() => vectorizeSequences([[0]], 0)).toThrow(new RangeError('Expected dimension to be an integer ≥ 1 in vectorizeSequences, received 0'));
    expect(() => vectorizeSequences([[0]], 2.5)).toThrow(new RangeError('Expected dimension to be an integer ≥ 1 in vectorizeSequences, received 2.5'));
    expect(() => vectorizeSequences([[1]], { dimension: 4 } as never)).toThrow('Expected dimension to be an integer ≥ 1 in vectorizeSequences, received {"dimension":4}');
  });
});
