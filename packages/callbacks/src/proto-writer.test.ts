import { describe, expect, it } from 'vitest';
import { ProtoWriter } from './proto-writer';

describe('ProtoWriter', () => {
  it('encodes varints, strings and fixed-width fields as protobuf does', () => {
    // The examples of the protobuf encoding guide.
    expect(Array.from(new ProtoWriter().int(1, 150).finish())).toEqual([0x08, 0x96, 0x01]);
    expect(Array.from(new ProtoWriter().bytes(2, 'testing').finish())).toEqual([0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67]);
    expect(Array.from(new ProtoWriter().int(2, 2 ** 40).finish())).toEqual([0x10, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20]);
    expect(Array.from(new ProtoWriter().double(1, 1).finish())).toEqual([0x09, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
    expect(Array.from(new ProtoWriter().float(2, 1).finish())).toEqual([0x15, 0, 0, 0x80, 0x3f]);
    expect(Array.from(new ProtoWriter().packedDoubles(6, [2]).finish())).toEqual([0x32, 0x08, 0, 0, 0, 0, 0, 0, 0, 0x40]);
  });

  it('grows past its first buffer and refuses negative varints', () => {
    const big = new Uint8Array(1000).fill(7);
    const bytes = new ProtoWriter().bytes(1, big).int(2, 1).finish();
    expect(bytes.length).toBe(1 + 2 + 1000 + 2);
    expect(bytes[3 + 999]).toBe(7);
    expect(() => new ProtoWriter().int(1, -1)).toThrow('Expected a varint to be a safe integer ≥ 0, received -1');
  });
});
