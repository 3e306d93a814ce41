import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { cifar10, cifar100 } from './cifar';
import { readTar } from '../formats/tar';
import { pythonTwoCifarBatch } from '../testing/cifar-pickle';
import { writeTar } from '../testing/write-tar';

const FIXTURES = join(__dirname, '../../test/fixtures');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dendrite-cifar-'));
  dirs.push(dir);
  return dir;
}

/** `count` images whose pixel p of channel c in image n is (n·7 + c·50 + p) mod 256, channels first. */
function pixels(count: number, first: number): Uint8Array {
  const data = new Uint8Array(count * 3072);
  for (let n = 0; n < count; n++) for (let c = 0; c < 3; c++) for (let p = 0; p < 1024; p++) data[n * 3072 + c * 1024 + p] = ((first + n) * 7 + c * 50 + p) % 256;
  return data;
}
/** The binary version: a label byte per kind, then the pixels, per record. */
function binaryBatch(labels: number[][], data: Uint8Array): Uint8Array {
  const record = labels[0].length + 3072;
  const out = new Uint8Array(labels.length * record);
  labels.forEach((l, n) => {
    out.set(l, n * record);
    out.set(data.subarray(n * 3072, (n + 1) * 3072), n * record + l.length);
  });
  return out;
}
function expectChannelsLast(x: { values: Uint8Array; shape: number[] }, first: number) {
  for (let n = 0; n < x.shape[0]; n++) {
    for (const [p, c] of [[0, 0], [1, 2], [1023, 1], [517, 2]]) expect(x.values[n * 3072 + p * 3 + c]).toBe(((first + n) * 7 + c * 50 + p) % 256);
  }
}

describe('cifar10', () => {
  it('reads the binary tarball: channels last, labels [n, 1], train batches in order', async () => {
    const files: Array<[string, Uint8Array]> = [];
    for (let k = 1; k <= 5; k++) files.push([`cifar-10-batches-bin/data_batch_${k}.bin`, binaryBatch([[k], [k + 1]], pixels(2, (k - 1) * 2))]);
    files.push(['cifar-10-batches-bin/test_batch.bin', binaryBatch([[9], [0], [3]], pixels(3, 100))]);
    const cacheDir = tempDir();
    mkdirSync(join(cacheDir, 'cifar10'));
    writeFileSync(join(cacheDir, 'cifar10', 'cifar-10-binary.tar.gz'), gzipSync(writeTar(files)));
    const { train, test } = await cifar10({ cacheDir, download: false });
    expect(train.x.shape).toEqual([10, 32, 32, 3]);
    expect(train.y.shape).toEqual([10, 1]);
    expect(Array.from(train.y.values)).toEqual([1, 2, 2, 3, 3, 4, 4, 5, 5, 6]);
    expectChannelsLast(train.x, 0);
    expect(test.x.shape).toEqual([3, 32, 32, 3]);
    expect(Array.from(test.y.values)).toEqual([9, 0, 3]);
    expectChannelsLast(test.x, 100);
  });

  it('reads Keras’s extracted Python version (Python 2 pickles) from a search folder', async () => {
    const dir = tempDir();
    const folder = join(dir, 'cifar10', 'cifar-10-batches-py');
    mkdirSync(folder, { recursive: true });
    for (let k = 1; k <= 5; k++) writeFileSync(join(folder, `data_batch_${k}`), pythonTwoCifarBatch(pixels(1, k - 1), { labels: [k + 3] }));
    writeFileSync(join(folder, 'test_batch'), pythonTwoCifarBatch(pixels(2, 50), { labels: [7, 8] }));
    const { train, test } = await cifar10({ searchDirs: [dir], cacheDir: join(dir, 'cache'), download: false });
    expect(Array.from(train.y.values)).toEqual([4, 5, 6, 7, 8]);
    expectChannelsLast(train.x, 0);
    expect(Array.from(test.y.values)).toEqual([7, 8]);
    expectChannelsLast(test.x, 50);
  });

  it('names the file and the record size of a truncated batch, and every place looked when absent', async () => {
    const cacheDir = tempDir();
    mkdirSync(join(cacheDir, 'cifar10', 'cifar-10-batches-bin'), { recursive: true });
    for (let k = 1; k <= 5; k++) writeFileSync(join(cacheDir, 'cifar10', 'cifar-10-batches-bin', `data_batch_${k}.bin`), binaryBatch([[1]], pixels(1, 0)));
    writeFileSync(join(cacheDir, 'cifar10', 'cifar-10-batches-bin', 'test_batch.bin'), binaryBatch([[1]], pixels(1, 0)).subarray(0, 3000));
    await expect(cifar10({ cacheDir, download: false })).rejects.toThrow(/test_batch\.bin" to hold whole CIFAR records of 3073 bytes, received 3000 bytes/);
    const empty = tempDir();
    await expect(cifar10({ cacheDir: empty, download: false })).rejects.toThrow(/cifar-10-python\.tar\.gz.*downloading https:\/\/www\.cs\.toronto\.edu\/~kriz\/cifar-10-python\.tar\.gz is turned off/);
  });
});

describe('cifar100', () => {
  it('reads a tarball NumPy pickled (Python 3, protocol 2) with fine or coarse labels', async () => {
    const cacheDir = tempDir();
    mkdirSync(join(cacheDir, 'cifar100'));
    copyFileSync(join(FIXTURES, 'cifar-100-python-like.tar.gz'), join(cacheDir, 'cifar100', 'cifar-100-python.tar.gz'));
    const fine = await cifar100({ cacheDir, download: false });
    expect(fine.train.x.shape).toEqual([3, 32, 32, 3]);
    expect(Array.from(fine.train.y.values)).toEqual([66, 42, 98]);
    expect(Array.from(fine.test.y.values)).toEqual([92, 15]);
    // NumPy's first image: r[0..2] = 37, 235, 140; g[0..2] = 23, 214, 106; b[0..2] = 217, 163, 57.
    expect(Array.from(fine.train.x.values.subarray(0, 9))).toEqual([37, 23, 217, 235, 214, 163, 140, 106, 57]);
    expect(fine.train.x.values[3 * 3072 - 1]).toBe(117);
    const coarse = await cifar100({ cacheDir, download: false, labelMode: 'coarse' });
    expect(Array.from(coarse.train.y.values)).toEqual([14, 15, 18]);
    expect(Array.from(coarse.test.y.values)).toEqual([16, 16]);
  });

  it('reads the binary version (coarse byte, then fine byte) and refuses an unknown labelMode', async () => {
    const cacheDir = tempDir();
    const folder = join(cacheDir, 'cifar100', 'cifar-100-binary');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'train.bin'), binaryBatch([[3, 33], [4, 44]], pixels(2, 0)));
    writeFileSync(join(folder, 'test.bin'), binaryBatch([[5, 55]], pixels(1, 9)));
    const { train, test } = await cifar100({ cacheDir, download: false });
    expect(Array.from(train.y.values)).toEqual([33, 44]);
    expect(Array.from(test.y.values)).toEqual([55]);
    expectChannelsLast(test.x, 9);
    expect(Array.from((await cifar100({ cacheDir, download: false, labelMode: 'coarse' })).train.y.values)).toEqual([3, 4]);
    await expect(cifar100({ cacheDir, download: false, labelMode: 'medium' as never })).rejects.toThrow('Expected labelMode to be "fine" or "coarse", received "medium"');
    await expect(cifar100({ cacheDir, download: false, labelMode: Number.NaN as never })).rejects.toThrow('Expected labelMode to be "fine" or "coarse", received NaN');
  });
});

describe('readTar', () => {
  it('reads entries and refuses a corrupt header or a path leaving the archive', () => {
    const tar = writeTar([['a/b.bin', new Uint8Array([1, 2, 3])], ['c', new Uint8Array(600)]]);
    const files = readTar(tar, 'x.tar');
    expect(Array.from(files.get('a/b.bin') as Uint8Array)).toEqual([1, 2, 3]);
    expect(files.get('c')?.length).toBe(600);
    const corrupt = tar.slice();
    corrupt[3] ^= 1;
    expect(() => readTar(corrupt, 'x.tar')).toThrow(/Expected a tar header checksum of \d+ at byte 0 of "x\.tar", received \d+/);
    expect(() => readTar(writeTar([['../evil', new Uint8Array(1)]]), 'y.tar')).toThrow('Expected paths inside the archive "y.tar", received "../evil"');
    expect(() => readTar(tar.subarray(0, 300), 'w.tar')).toThrow('Expected a whole 512-byte tar header at byte 0 of "w.tar", received 300 bytes');
    expect(() => readTar(tar.subarray(0, 514), 'z.tar')).toThrow('Expected 3 bytes for "a/b.bin" in "z.tar", received a truncated archive');
  });
});
