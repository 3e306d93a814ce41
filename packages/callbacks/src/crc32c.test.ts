import { describe, expect, it } from 'vitest';
import { crc32c, maskedCrc32c } from './crc32c';

/** The textbook bit-at-a-time CRC-32C, to check the table. */
function reference(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0x82f63b78 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('crc32c', () => {
  it('gives the Castagnoli check value and agrees with the bitwise definition', () => {
    expect(crc32c(new TextEncoder().encode('123456789'))).toBe(0xe3069283);
    expect(crc32c(new Uint8Array(0))).toBe(0);
    expect(crc32c(new Uint8Array(32))).toBe(0x8a9136aa); // RFC 3720 B.4: 32 bytes of zeros
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7919 + 13) % 256);
    expect(crc32c(bytes)).toBe(reference(bytes));
  });

  it('masks as TFRecord does', () => {
    expect(maskedCrc32c(new Uint8Array(0))).toBe(0xa282ead8);
    const crc = 0xe3069283;
    expect(maskedCrc32c(new TextEncoder().encode('123456789'))).toBe((((crc >>> 15) | (crc << 17)) + 0xa282ead8) >>> 0);
  });
});
