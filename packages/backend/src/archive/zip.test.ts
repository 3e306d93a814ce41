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
