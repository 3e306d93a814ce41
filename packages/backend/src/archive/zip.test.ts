import { zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { crc32, readZip, writeZip } from './zip';

const text = (value: string) => new TextEncoder().encode(value);
const decode = (value: Uint8Array | undefined) => new TextDecoder().decode(value);

it('computes ZIP\'s CRC-32 (the standard check value of "123456789" is cbf43926)', () => {
  expect(crc32(text('123456789')).toString(16)).toBe('cbf43926');
  expect(crc32(new Uint8Array(0))).toBe(0);
});

it('writes stored entries that read back, and reads only the names asked for', () => {
  const bytes = writeZip([
    ['config.json', text('{"a":1}')],
    ['model.weights.h5', new Uint8Array([1, 2, 3])],
  ]);
  expect(bytes[0]).toBe(0x50);
  const all = readZip(bytes, 'x.keras');
  expect([...all.keys()]).toEqual(['config.json', 'model.weights.h5']);
  expect(decode(all.get('config.json'))).toBe('{"a":1}');
  expect([...readZip(bytes, 'x.keras', ['model.weights.h5']).keys()]).toEqual(['model.weights.h5']);
});

it('inflates deflated entries as another writer makes them', () => {
  const bytes = zipSync({ 'a.txt': text('hello hello hello hello'), 'b.bin': new Uint8Array(1000).fill(7) }, { level: 9 });
  const files = readZip(bytes, 'other.zip');
  expect(decode(files.get('a.txt'))).toBe('hello hello hello hello');
  expect(files.get('b.bin')).toEqual(new Uint8Array(1000).fill(7));
});

it('names the archive and what is wrong: truncated, damaged data, entries leaving the folder', () => {
  const bytes = writeZip([['config.json', text('{"a":1}')]]);
  expect(() => readZip(bytes.subarray(0, bytes.length - 5), 'cut.keras')).toThrow('Expected a ZIP archive in "cut.keras", received no end-of-central-directory record (truncated or not a ZIP)');
  const damaged = bytes.slice();
  damaged[30 + 'config.json'.length] ^= 0xff;
  expect(() => readZip(damaged, 'bad.keras')).toThrow('Expected a ZIP archive in "bad.keras", received "config.json" whose CRC-32 does not match (a damaged file)');
  for (const name of ['../evil.json', '/etc/passwd', 'a/../../b', 'C:\\\\x']) {
    const escaping = writeZip([[name, text('x')]]);
    expect(() => readZip(escaping, 'evil.zip')).toThrow(`Expected a ZIP archive in "evil.zip", received an entry "${name}" that leaves the archive`);
  }
});

it('stops a decompression bomb at the default limits before allocating, and reads it under larger ones', () => {
  const zeros = new Uint8Array(20 * 2 ** 20);
  const bomb = zipSync({ 'x.npy': zeros }, { level: 1 });
  expect(bomb.length).toBeLessThan(zeros.length / 200);
  expect(() => readZip(bomb, 'bomb.npz')).toThrow(/^Expected a ZIP archive in "bomb\.npz", received entries that decompress to more than 16777216 bytes \("x\.npy" declares 20971520/);
  expect(readZip(bomb, 'bomb.npz', undefined, { maxRatio: 2000 }).get('x.npy')!.length).toBe(zeros.length);
  // A central directory that declares 4 GB for a few bytes is refused before the output is allocated.
  const liar = zipSync({ 'y.npy': new Uint8Array(100) }, { level: 9 });
  const view = new DataView(liar.buffer);
  const central = liar.length - 22 - (46 + 'y.npy'.length);
  view.setUint32(central + 24, 0xfffffff0, true);
  expect(() => readZip(liar, 'liar.keras')).toThrow(/received entries that decompress to more than 16777216 bytes \("y\.npy" declares 4294967280/);
  expect(() => readZip(liar, 'liar.keras', undefined, { maxBytes: 0 })).toThrow(new TypeError('Expected maxBytes to be a positive number in the decompression limits, received 0'));
});

it('refuses an entry whose directory name differs from its local header (the name is not under the CRC)', () => {
  const bytes = writeZip([['x.npy', new Uint8Array([1, 2, 3])]]);
  const central = bytes.length - 22 - (46 + 'x.npy'.length);
  bytes[central + 46 + 1] = 0x20; // "x npy"
  expect(() => readZip(bytes, 'a.npz')).toThrow('Expected a ZIP archive in "a.npz", received an entry named "x npy" in the directory and otherwise in its local header (a damaged file)');
});
