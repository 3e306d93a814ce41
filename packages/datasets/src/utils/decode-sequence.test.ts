import { describe, expect, it } from 'vitest';
import { decodeSequence, sequenceDecoder } from './decode-sequence';

const WORDS = new Map([['the', 1], ['of', 2], ['to', 3]]);

describe('decodeSequence', () => {
  it('shifts by indexFrom and names the start and out-of-vocabulary indices as Keras does', () => {
    expect(decodeSequence([1, 4, 5, 2, 6, 0, 99], WORDS)).toBe('[START] the of [OOV] to ? ?');
    expect(decodeSequence(Int32Array.from([1, 4, 2]), { the: 1 })).toBe('[START] the [OOV]');
  });

  it("decodes Chollet's way and with other offsets", () => {
    expect(decodeSequence([1, 4, 2, 0], WORDS, { startToken: '?', oovToken: '?', unknownToken: null })).toBe('? the ?');
    expect(decodeSequence([1, 2, 3], WORDS, { indexFrom: 0, startChar: null, oovChar: null })).toBe('the of to');
  });

  it('refuses unknown options and word indices that are not maps', () => {
    expect(() => sequenceDecoder(WORDS, { index_from: 3 } as never)).toThrow(new TypeError('Unknown option "index_from" in sequenceDecoder: did you mean "indexFrom"?'));
    expect(() => sequenceDecoder('words' as never)).toThrow(TypeError);
  });
});
