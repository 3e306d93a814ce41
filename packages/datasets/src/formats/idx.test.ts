import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { encodeIdx, parseIdx } from './idx';
import { maybeGunzip } from './gzip';

describe('parseIdx', () => {
  it('reads the header and uint8 values', () => {
    const bytes = encodeIdx(Uint8Array.from([1, 2, 3, 4, 5, 6]), [2, 3]);
    expect(parseIdx(bytes, 'a.idx')).toEqual({ values: Uint8Array.from([1, 2, 3, 4, 5, 6]), shape: [2, 3] });
  });

  it('reads big-endian int32 and float32 bodies', () => {
    const bytes = new Uint8Array(4 + 4 + 8);
    bytes.set([0, 0, 0x0c, 1]);
    const view = new DataView(bytes.buffer);
    view.setUint32(4, 2, false);
    view.setInt32(8, -5, false);
    view.setInt32(12, 70000, false);
    expect(Array.from(parseIdx(bytes, 'b').values)).toEqual([-5, 70000]);
  });

  it('names the file and the header field that is wrong', () => {
    expect(() => parseIdx(Uint8Array.from([1, 0, 8, 1]), 'bad.idx')).toThrow('Expected an IDX file in "bad.idx", received magic bytes 1, 0 instead of 0, 0');
    expect(() => parseIdx(Uint8Array.from([0, 0, 0x42, 1]), 'bad.idx')).toThrow('received an unknown type byte 0x42');
    const truncated = encodeIdx(new Uint8Array(10), [10]).subarray(0, 12);
    expect(() => parseIdx(truncated, 'cut.idx')).toThrow('Expected an IDX file in "cut.idx", received a truncated body (12 bytes, the header [10] needs 18)');
  });

  it('gunzips by magic number and names a corrupt stream', () => {
    const raw = encodeIdx(Uint8Array.from([9]), [1]);
    expect(maybeGunzip(gzipSync(raw), 'x.gz')).toEqual(raw);
    expect(maybeGunzip(raw, 'x')).toBe(raw);
    const corrupt = gzipSync(raw).subarray(0, 12);
    expect(() => maybeGunzip(corrupt, 'x.gz')).toThrow(/Expected a valid gzip stream in "x.gz", received a corrupt or truncated one/);
  });
});
