import { expect, it } from 'vitest';
import { parseTensorArchive } from './tensor-archive';

/** A `.dndr` file with the given array layout over `dataBytes` bytes of data (zeros). */
function archive(arrays: unknown, dataBytes = 16): Uint8Array {
  const header = new TextEncoder().encode(JSON.stringify({ format: 'dendrite-weights', arrays }));
  const bytes = new Uint8Array(12 + header.length + dataBytes);
  bytes.set(new TextEncoder().encode('DNDR'));
  const view = new DataView(bytes.buffer);
  view.setUint32(4, 1, true);
  view.setUint32(8, header.length, true);
  bytes.set(header, 12);
  return bytes;
}

const entry = (name: string, offset: unknown, extra: Record<string, unknown> = {}) => ({ name, shape: [2], dtype: 'float32', offset, length: 2, ...extra });

it('reads a well-formed layout', () => {
  const { entries } = parseTensorArchive(archive([entry('a', 0), entry('b', 8)]), 'w.dndr');
  expect(entries.map((item) => [item.name, item.values.length])).toEqual([
    ['a', 2],
    ['b', 2],
  ]);
});

it.each([
  ['a negative offset', [entry('a', -8)], 'array "a" at offset -8 (expected a whole non-negative byte offset)'],
  ['a fractional offset', [entry('a', 2.5)], 'array "a" at offset 2.5 (expected a whole non-negative byte offset)'],
  ['overlapping arrays', [entry('a', 0), entry('b', 4)], 'array "b" overlapping array "a" (bytes 4–12 and 0–8)'],
  ['a fractional length', [entry('a', 0, { shape: [2.5], length: 2.5 })], 'array "a" of shape [2.5] (expected whole non-negative dimensions)'],
  ['a negative dimension', [entry('a', 0, { shape: [-2, -3], length: 6 })], 'array "a" of shape [-2,-3] (expected whole non-negative dimensions)'],
  ['an array past the end', [entry('a', 12)], 'a truncated file (array "a" ends at byte 20 of the data, which has 16)'],
  ['a huge declared array', [entry('a', 0, { shape: [1e9], length: 1e9 })], 'a truncated file (array "a" ends at byte 4000000000 of the data, which has 16)'],
  ['two arrays of one name', [entry('a', 0), entry('a', 8)], 'two arrays named "a"'],
  ['arrays that are not a list', { a: 1 }, 'an "arrays" entry that is not a list'],
])('refuses %s, naming the file', (_what, arrays, message) => {
  expect(() => parseTensorArchive(archive(arrays), 'bad.dndr')).toThrow(`Expected a Dendrite archive in "bad.dndr", received ${message}`);
});
