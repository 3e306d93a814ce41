import { describe, expect, it } from 'vitest';
import { maskedCrc32c } from './crc32c';
import { readRecords } from './testing/event-file-reader';
import { tfRecord } from './tf-record';

describe('tfRecord', () => {
  it('frames data with its length and both masked CRCs', () => {
    const data = new TextEncoder().encode('hello');
    const record = tfRecord(data);
    const view = new DataView(record.buffer);
    expect(record.length).toBe(21);
    expect(view.getBigUint64(0, true)).toBe(5n);
    expect(view.getUint32(8, true)).toBe(maskedCrc32c(record.subarray(0, 8)));
    expect(record.subarray(12, 17)).toEqual(data);
    expect(view.getUint32(17, true)).toBe(maskedCrc32c(data));
  });

  it('reads back through an independent reader, which catches a flipped byte', () => {
    const joined = new Uint8Array([...tfRecord(new Uint8Array([1, 2, 3])), ...tfRecord(new Uint8Array(0))]);
    expect(readRecords(joined).map((r) => Array.from(r))).toEqual([[1, 2, 3], []]);
    joined[13] ^= 1;
    expect(() => readRecords(joined)).toThrow('bad data CRC at 0');
  });
});
