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
    expect(() => sequenceDecoder(null as never)).toThrow(new TypeError('Expected wordIndex to be a Map or an object of word → index in sequenceDecoder, received null'));
  });

  it('without a start or OOV index, shows a null entry (JSON holes) as unknown, not as their tokens', () => {
    const decode = sequenceDecoder(WORDS, { startChar: null, oovChar: null, startToken: 'S', oovToken: 'O' });
    expect(decode([null, 4, 1] as never)).toBe('? the ?');
  });
});
