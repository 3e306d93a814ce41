import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { maybeGunzip } from './gzip';

describe('maybeGunzip', () => {
  it('passes plain bytes through and gunzips gzipped ones by their magic number', () => {
    const plain = new TextEncoder().encode('1,2,3');
    expect(maybeGunzip(plain, 'a.csv')).toBe(plain);
    expect(maybeGunzip(new Uint8Array(gzipSync(plain)), 'a.csv')).toEqual(plain);
  });

  it('stops a gzip bomb at the default limits and reads it under larger ones', () => {
    const zeros = new Uint8Array(20 * 2 ** 20);
    const bomb = new Uint8Array(gzipSync(zeros, { level: 9 }));
    expect(() => maybeGunzip(bomb, 'bomb.idx.gz')).toThrow(
      'Expected "bomb.idx.gz" to gunzip to at most 16777216 bytes, received a stream that grows past them (a decompression bomb? raise the "limits" option, {maxBytes, maxRatio}, to read a file you trust)',
    );
    expect(maybeGunzip(bomb, 'bomb.idx.gz', { maxRatio: 100_000 }).length).toBe(zeros.length);
    expect(() => maybeGunzip(new Uint8Array(gzipSync(new Uint8Array(1000))), 'small.gz', { maxBytes: 999 })).toThrow(/to gunzip to at most 999 bytes/);
  });

  it('names a corrupt stream', () => {
    const cut = new Uint8Array(gzipSync(new Uint8Array(1000).fill(3))).subarray(0, 15);
    expect(() => maybeGunzip(cut, 'cut.gz')).toThrow(/^Expected a valid gzip stream in "cut\.gz", received a corrupt or truncated one/);
  });
});
