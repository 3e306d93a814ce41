import { describe, expect, it } from 'vitest';
import { fingerprint64, hashBucketFast } from './farmhash-fingerprint64';

// Reference values of Google's farmhash (Fingerprint64), as TensorFlow's tests and the farmhash
// bindings' tests list them; the lengths cover every branch (0, 1–3, 4–7, 8–16, 17–32, 33–64, > 64).
const REFERENCE: Array<[string, bigint]> = [
  ['', 11160318154034397263n],
  ['a', 12917804110809363939n],
  ['b', 11795596070477164822n],
  ['c', 11430444447143000872n],
  ['d', 4470636696479570465n],
  ['hello', 13009744463427800296n],
  ['hello world', 6381520714923946011n],
  ['1234567890123456', 17239105360639788068n],
  ['session_20b9ed23-cc36-4177-8661-b2a6d4a71c18', 16528987318367749121n],
  ['The quick brown fox jumps over the lazy dog', 12375473906752639284n],
  ['a'.repeat(64), 5893282057753879417n],
  ['b'.repeat(128), 17638211491968783095n],
  ['c'.repeat(256), 726802415163973935n],
];

describe('fingerprint64', () => {
  it.each(REFERENCE)('hashes %j as FarmHash', (text, expected) => {
    expect(fingerprint64(text)).toBe(expected);
  });

  it('buckets as TensorFlow to_hash_bucket_fast', () => {
    expect(['a', 'b', 'c', 'd'].map((text) => hashBucketFast(text, 10))).toEqual([9, 2, 2, 5]);
  });
});
