import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, expect, it } from 'vitest';
import { encodeIdx } from '../formats/idx';
import { writeTar } from '../testing/write-tar';
import { cifar10 } from './cifar';
import { fashionMnist } from './fashion-mnist';
import { mnist } from './mnist';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
/** A cache folder holding `files` under `<dataset>/`. */
function cacheWith(dataset: string, files: Array<[string, Uint8Array]>): string {
  const cacheDir = mkdtempSync(join(tmpdir(), 'dendrite-limits-'));
  dirs.push(cacheDir);
  mkdirSync(join(cacheDir, dataset));
  for (const [name, bytes] of files) writeFileSync(join(cacheDir, dataset, name), bytes);
  return cacheDir;
}

/** Four gzipped IDX files of `count` 4×4 images (each gunzips to more than 64 bytes). */
function idxFiles(count: number, suffix: string): Array<[string, Uint8Array]> {
  const images = gzipSync(encodeIdx(Uint8Array.from({ length: count * 16 }, (_, i) => i % 251), [count, 4, 4]));
  const labels = gzipSync(encodeIdx(Uint8Array.from({ length: count }, (_, i) => i % 10), [count]));
  return [['train-images-idx3-ubyte', images], ['train-labels-idx1-ubyte', labels], ['t10k-images-idx3-ubyte', images], ['t10k-labels-idx1-ubyte', labels]].map(([stem, bytes]) => [`${stem as string}${suffix}`, bytes as Uint8Array]);
}

it('mnist and fashionMnist pass their limits to the gunzip: a tiny one refuses the file, naming it and the option', async () => {
  const mnistCache = cacheWith('mnist', idxFiles(8, '.gz'));
  await expect(mnist({ cacheDir: mnistCache, download: false, limits: { maxBytes: 64 } })).rejects.toThrow(/-idx\d-ubyte\.gz" to gunzip to at most 64 bytes.*raise the "limits" option/);
  expect((await mnist({ cacheDir: mnistCache, download: false, limits: { maxBytes: 4096 } })).train.x.shape).toEqual([8, 4, 4]);
  const fashionCache = cacheWith('fashion-mnist', idxFiles(8, '.gz'));
  await expect(fashionMnist({ cacheDir: fashionCache, download: false, limits: { maxBytes: 64 } })).rejects.toThrow(/-idx\d-ubyte\.gz" to gunzip to at most 64 bytes.*"limits" option/);
});

it('mnist passes its limits to a mnist.npz', async () => {
  const dir = cacheWith('unused', []);
  copyFileSync(join(__dirname, '../../test/fixtures/mnist-like.npz'), join(dir, 'mnist.npz'));
  await expect(mnist({ searchDirs: [dir], cacheDir: join(dir, 'cache'), download: false, limits: { maxBytes: 100 } })).rejects.toThrow(/mnist\.npz.*more than 100 bytes.*limits/);
});

it('cifar10 passes its limits to the tarball', async () => {
  const batch = new Uint8Array(3073);
  const files: Array<[string, Uint8Array]> = [1, 2, 3, 4, 5, 'test'].map((k) => [`cifar-10-batches-bin/${k === 'test' ? 'test_batch' : `data_batch_${k}`}.bin`, batch]);
  const cacheDir = cacheWith('cifar10', [['cifar-10-binary.tar.gz', gzipSync(writeTar(files))]]);
  await expect(cifar10({ cacheDir, download: false, limits: { maxBytes: 1000 } })).rejects.toThrow(/cifar-10-binary\.tar\.gz" to gunzip to at most 1000 bytes.*"limits" option/);
  expect((await cifar10({ cacheDir, download: false, limits: { maxRatio: 1000 } })).train.x.shape).toEqual([5, 32, 32, 3]);
});

it('checks the limits option with the option-key mechanism', async () => {
  await expect(mnist({ limit: { maxBytes: 1 } } as never)).rejects.toThrow('Unknown option "limit" in mnist: did you mean "limits"?');
  await expect(mnist({ limits: { maxbytes: 1 } } as never)).rejects.toThrow('Unknown option "maxbytes" in mnist limits: did you mean "maxBytes"?');
  await expect(cifar10({ limits: 5 } as never)).rejects.toThrow(TypeError);
});
