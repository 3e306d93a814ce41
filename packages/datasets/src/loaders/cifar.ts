import { type DecompressionLimits, describeValue, nodeModules, optionKeys } from '@dendrite/backend/internal';
import { maybeGunzip } from '../formats/gzip';
import { type CifarBatch, parseCifarBinary, parseCifarPickle } from '../formats/cifar';
import { readTar } from '../formats/tar';
import { type DatasetFile, type LoadOptions, checkLoadOptions, locateFile, readBytes } from '../sources/locate-file';
import type { ImageDataset } from './image-classification';

/** Options of {@link cifar100}. */
export interface Cifar100Options extends LoadOptions {
  /** `'fine'` (100 classes, the default) or `'coarse'` (20 superclasses), as Keras's `label_mode`. */
  labelMode?: 'fine' | 'coarse';
}

const CIFAR100_KEYS = optionKeys<Cifar100Options, LoadOptions>({ labelMode: true });

/** The ten CIFAR-10 classes, in label order. */
export const CIFAR10_CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'] as const;

/** Batch files by base name, from an extracted folder (searched two levels deep) or a (gzipped) tarball. */
function batchFiles(path: string, limits: DecompressionLimits | undefined): Map<string, () => Uint8Array> {
  const { fs, path: paths } = nodeModules('to load CIFAR');
  const found = new Map<string, () => Uint8Array>();
  if (fs.statSync(path).isDirectory()) {
    const visit = (dir: string, depth: number) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = paths.join(dir, entry.name);
        if (entry.isDirectory() && depth < 2) visit(full, depth + 1);
        else if (entry.isFile() && !found.has(entry.name)) found.set(entry.name, () => readBytes(full));
      }
    };
    visit(path, 0);
    return found;
  }
  for (const [name, bytes] of readTar(maybeGunzip(readBytes(path), path, limits), path)) {
    const base = name.split('/').pop() as string;
    if (!found.has(base)) found.set(base, () => bytes);
  }
  return found;
}

/** Reads the named batches, in the Python version (Keras's download) or the binary one (`.bin`). */
function readBatches(path: string, names: { python: string[]; binary: string[] }, labelKinds: string[], limits: DecompressionLimits | undefined): CifarBatch[] {
  const files = batchFiles(path, limits);
  const binary = names.binary.every((name) => files.has(name));
  const wanted = binary ? names.binary : names.python;
  const missing = wanted.filter((name) => !files.has(name));
  if (missing.length > 0) {
    throw new Error(`Expected the CIFAR batches ${names.python.join(', ')} (or ${names.binary.join(', ')}) in "${path}", received none named ${missing.join(', ')}`);
  }
  return wanted.map((name) => {
    const bytes = (files.get(name) as () => Uint8Array)();
    const where = `${path}:${name}`;
    return binary ? parseCifarBinary(bytes, labelKinds, where) : parseCifarPickle(bytes, labelKinds, where);
  });
}

/** Joins batches into one split: images `[n, 32, 32, 3]` and labels `[n, 1]`, as Keras returns them. */
function joinBatches(batches: CifarBatch[], labelKind: string) {
  const count = batches.reduce((total, batch) => total + batch.count, 0);
  const images = new Uint8Array(count * 32 * 32 * 3);
  const labels = new Int32Array(count);
  let at = 0;
  for (const batch of batches) {
    images.set(batch.images, at * 32 * 32 * 3);
    labels.set(batch.labels[labelKind], at);
    at += batch.count;
  }
  return { x: { values: images, shape: [count, 32, 32, 3] }, y: { values: labels, shape: [count, 1] } };
}

const CIFAR10_FILE: DatasetFile = {
  name: 'cifar-10-python.tar.gz',
  aliases: ['cifar-10-batches-py', 'cifar-10-binary.tar.gz', 'cifar-10-batches-bin'],
  kerasName: 'cifar-10-batches-py',
  url: 'https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz',
  sha256: '6d958be074577803d12ecdefd02955f39262c83c16fe9348329d7fe0b5c001ce',
};

const CIFAR100_FILE: DatasetFile = {
  name: 'cifar-100-python.tar.gz',
  aliases: ['cifar-100-python', 'cifar-100-binary.tar.gz', 'cifar-100-binary'],
  kerasName: 'cifar-100-python',
  url: 'https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz',
  sha256: '85cd44d02ba6437773c5bbd22e183051d648de2e7d6b014e1ef29b855ba677a7',
};

/**
 * CIFAR-10, as `keras.datasets.cifar10.load_data()`: 50 000 + 10 000 colour 32×32 images
 * (`[n, 32, 32, 3]` uint8) in ten classes ({@link CIFAR10_CLASSES}), labels `[n, 1]`. Reads the
 * Python version Keras downloads (tarball or extracted `cifar-10-batches-py`) or the binary one
 * (`cifar-10-binary.tar.gz`, `cifar-10-batches-bin`).
 *
 * @throws TypeError (a rejection) for an unknown option
 */
export async function cifar10(options: LoadOptions = {}): Promise<ImageDataset> {
  const load = checkLoadOptions(options, 'cifar10');
  const path = await locateFile('cifar10', CIFAR10_FILE, load);
  const trainNames = [1, 2, 3, 4, 5].map((k) => `data_batch_${k}`);
  const train = readBatches(path, { python: trainNames, binary: trainNames.map((n) => `${n}.bin`) }, ['labels'], load.limits);
  const test = readBatches(path, { python: ['test_batch'], binary: ['test_batch.bin'] }, ['labels'], load.limits);
  return { train: joinBatches(train, 'labels'), test: joinBatches(test, 'labels') };
}

/**
 * CIFAR-100, as `keras.datasets.cifar100.load_data(label_mode)`: 50 000 + 10 000 colour 32×32
 * images with 100 fine labels or 20 coarse ones (`labelMode`), labels `[n, 1]`.
 *
 * @throws TypeError (a rejection) for an unknown option (`label_mode` → `labelMode`)
 * @throws Error when `labelMode` is neither `'fine'` nor `'coarse'`
 */
export async function cifar100(options: Cifar100Options = {}): Promise<ImageDataset> {
  const load = checkLoadOptions(options, 'cifar100', CIFAR100_KEYS);
  const labelMode = options.labelMode ?? 'fine';
  if (labelMode !== 'fine' && labelMode !== 'coarse') throw new Error(`Expected labelMode to be "fine" or "coarse", received ${describeValue(labelMode)}`);
  const path = await locateFile('cifar100', CIFAR100_FILE, load);
  const kinds = ['coarse_labels', 'fine_labels'];
  const train = readBatches(path, { python: ['train'], binary: ['train.bin'] }, kinds, load.limits);
  const test = readBatches(path, { python: ['test'], binary: ['test.bin'] }, kinds, load.limits);
  return { train: joinBatches(train, `${labelMode}_labels`), test: joinBatches(test, `${labelMode}_labels`) };
}
