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

  it('refuses a dimension vectorizeSequences cannot use', () => {
    expect(() => vectorizeSequences([[1]], { dimension: 4 } as never)).toThrow('Expected dimension to be an integer ≥ 1 in vectorizeSequences, received {"dimension":4}');
  });
});
