import { describe, expect, it } from 'vitest';
import { writeTar } from '../testing/write-tar';
import { readTar } from './tar';

/** Rewrites the size field of the first header and fixes its checksum, as a forger would. */
function withSize(tar: Uint8Array, size: string): Uint8Array {
  const bytes = tar.slice();
  bytes.set(new TextEncoder().encode(size.padEnd(12, '\0')), 124);
  bytes.fill(0x20, 148, 156);
  const sum = bytes.subarray(0, 512).reduce((a, b) => a + b, 0);
  bytes.set(new TextEncoder().encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
  return bytes;
}

describe('readTar on damaged sizes', () => {
  it('refuses a size that is not octal (parseInt would read 00000000012x as 10)', () => {
    const tar = writeTar([['a.bin', new Uint8Array(10).fill(1)]]);
    expect(readTar(withSize(tar, '00000000012'), 'ok.tar').get('a.bin')!.length).toBe(10);
    expect(() => readTar(withSize(tar, '0000000001x'), 'bad.tar')).toThrow('Expected an octal size in the tar header at byte 0 of "bad.tar", received "0000000001x"');
  });
});
