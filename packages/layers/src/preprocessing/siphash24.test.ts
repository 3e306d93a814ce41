import { describe, expect, it } from 'vitest';
import { sipHash24 } from './siphash24';

// The reference vectors of the SipHash paper: key 00…0f, messages 00, 00 01, …
const KEY: [bigint, bigint] = [0x0706050403020100n, 0x0f0e0d0c0b0a0908n];
const message = (length: number) => Uint8Array.from({ length }, (_, index) => index);
const fromLittleEndian = (hex: string) => BigInt(`0x${hex.match(/../g)!.reverse().join('')}`);

describe('sipHash24', () => {
  it.each([
    [0, '310e0edd47db6f72'],
    [1, 'fd67dc93c539f874'],
    [7, '37d1018bf50002ab'],
    [8, '6224939a79f5f593'],
    [15, 'e545be4961ca29a1'],
    [63, '724506eb4c328a95'],
  ])('hashes the %i-byte reference message as the paper', (length, hex) => {
    expect(sipHash24(KEY, message(length))).toBe(fromLittleEndian(hex));
  });
});
