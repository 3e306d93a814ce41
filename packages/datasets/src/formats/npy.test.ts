import { describe, expect, it } from 'vitest';
import { parseNpy } from './npy';

/** A version 1.0 `.npy` file with `header` as its dict literal and `body` as its data. */
function npy(header: string, body: Uint8Array = new Uint8Array(0)): Uint8Array {
  const text = new TextEncoder().encode(`${header}\n`);
  const bytes = new Uint8Array(10 + text.length + body.length);
  bytes.set([0x93, ...new TextEncoder().encode('NUMPY'), 1, 0, text.length & 255, text.length >> 8]);
  bytes.set(text, 10);
  bytes.set(body, 10 + text.length);
  return bytes;
}

describe('parseNpy', () => {
  it('reads shapes as numpy writes them: (), (n,) and (a, b)', () => {
    const body = new Uint8Array(new Float32Array([1, 2, 3, 4, 5, 6]).buffer);
    expect(parseNpy(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", body), 'a.npy').shape).toEqual([2, 3]);
    expect(parseNpy(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (6,), }", body), 'a.npy').shape).toEqual([6]);
    expect(Array.from(parseNpy(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", body.subarray(0, 4)), 'a.npy').values as Float32Array)).toEqual([1]);
  });

  it.each(['-2, -3', 'abc,', '2.5,', '2,,3', '1e3,'])('refuses the shape (%s) naming the file', (shape) => {
    const file = npy(`{'descr': '<f4', 'fortran_order': False, 'shape': (${shape}), }`, new Uint8Array(64));
    expect(() => parseNpy(file, 'bad.npy')).toThrow(`Expected a .npy array in "bad.npy", received a shape (${shape}) that is not a tuple of non-negative integers`);
  });

  it('refuses a shape larger than the body and an unknown format version before allocating', () => {
    expect(() => parseNpy(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }"), 'big.npy')).toThrow(
      'Expected a .npy array in "big.npy", received a truncated body (0 bytes for 10000000000 × 8)',
    );
    const file = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(4));
    file[6] = 7;
    expect(() => parseNpy(file, 'v7.npy')).toThrow('Expected a .npy array in "v7.npy", received format version 7.0 (expected 1.0, 2.0 or 3.0)');
  });
});

describe('parseNpy on damaged headers', () => {
  const body = new Uint8Array(new Float32Array([1, 2, 3, 4]).buffer);
  it.each([
    ["{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }   L  ", 'a stray byte in the padding'],
    ["{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }\" ", 'a stray quote after the dict'],
    ["{'descr': '<f4', 'fortran_order': False, 'shape': (4,), 'x': 1}", 'a fourth key'],
    ["{'descr': '<f4', 'fortran_order': False, }", 'no shape'],
  ])('refuses %j (%s)', (header) => {
    expect(() => parseNpy(npy(header, body), 'damaged.npy')).toThrow(/^Expected a \.npy array in "damaged\.npy", received a header (that is not numpy's dict|without descr)/);
  });

  it('refuses a dtype without a byte order', () => {
    expect(() => parseNpy(npy("{'descr': '\u001bf4', 'fortran_order': False, 'shape': (4,), }", body), 'order.npy')).toThrow(
      'Expected a .npy array in "order.npy", received a dtype \u001bf4 without a byte order (<, >, | or =)',
    );
  });

  it('refuses bytes after the data the shape declares (a shape changed to fewer items)', () => {
    expect(() => parseNpy(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", body), 'long.npy')).toThrow(
      'Expected a .npy array in "long.npy", received 4 bytes after the 3 × 4 the header\'s shape declares',
    );
  });
});
