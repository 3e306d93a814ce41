/**
 * Shared helpers of the seed-snippet suites: where the shared data sets are, and small files in the
 * real formats (Keras's `imdb.npz`, CIFAR-100's python tarball, a dogs-and-cats JPEG folder) for the
 * snippets whose data sets are too big to ship.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, vi } from 'vitest';
import { sharedFolderPresent, useBackend } from '@dendrite/test-utils';
import * as dn from 'dendrite';
import { writeZip } from '@dendrite/backend/internal';
import { writeJpeg } from '../../../../packages/augment/src/testing/write-images';
import { pythonTwoCifarBatch } from '../../../../packages/datasets/src/testing/cifar-pickle';
import { writeTar } from '../../../../packages/datasets/src/testing/write-tar';

/** `../shared/datasets` beside the repository: MNIST-free data sets the course notes use (iris, Boston…). */
export const SHARED_DATASETS = join(__dirname, '../../../../../shared/datasets');

/** Whether {@link SHARED_DATASETS} is there (the suites skip the snippets needing it otherwise). */
export const hasSharedDatasets = sharedFolderPresent(SHARED_DATASETS);

/**
 * The backends the snippet suites run on: wasm, the backend `dn.selectBackend()` gives a user here,
 * unless `DENDRITE_SNIPPET_BACKENDS` lists others (`wasm,cpu`). Training the notes' models on the
 * cpu backend takes about ten times longer, past the suites' time budget.
 */
export const SNIPPET_BACKENDS = (process.env.DENDRITE_SNIPPET_BACKENDS ?? 'wasm').split(',').map((name) => name.trim()) as dn.BackendName[];

/** One suite per snippet backend, the backend selected first: `describeSnippets('seed 000', () => { it(...) })`. */
export function describeSnippets(title: string, body: (backend: dn.BackendName) => void): void {
  for (const backend of SNIPPET_BACKENDS) {
    describe(`${title} [${backend}]`, () => {
      beforeAll(() => useBackend(backend));
      body(backend);
    });
  }
}

/**
 * Runs `body` with `console.log` and `process.stdout` captured (and silenced): what it printed,
 * one line per `console.log` call (arguments joined by a space, as Python's `print`), and the
 * progress bars written to stdout.
 */
export async function printedBy<T>(body: () => T | Promise<T>): Promise<{ result: T; lines: string[]; stdout: string }> {
  const lines: string[] = [];
  let stdout = '';
  const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    lines.push(args.map(String).join(' '));
  });
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
    return true;
  });
  try {
    return { result: await body(), lines, stdout };
  } finally {
    log.mockRestore();
    write.mockRestore();
  }
}

/**
 * Runs `body` and fails when it leaves tensors behind, other than the variables it creates: Keras
 * builds optimizer slots and metric accumulators on a model's first `fit`, and they stay with the
 * model. Everything else a call allocates must be released.
 */
export async function expectNoLeakedTensorsButState<T>(body: () => T | Promise<T>): Promise<T> {
  const variables = () => Object.keys(dn.tf.engine().registeredVariables).length;
  const tensorsBefore = dn.tf.memory().numTensors;
  const variablesBefore = variables();
  const result = await body();
  expect(dn.tf.memory().numTensors - tensorsBefore, 'tensors alive after the call, beside new variables').toBe(variables() - variablesBefore);
  return result;
}

/**
 * The layer rows of a Sequential model's Keras 2 summary (columns end at 29, 55 and 65), as
 * `[layer (type), output shape, params]` with the cells trimmed: `['dense (Dense)', '(None, 10)', '1290']`.
 */
export function summaryCells(model: dn.Model): Array<[string, string, string]> {
  return model
    .summary({ printFn: null })
    .split('\n')
    .filter((line) => line.includes('(None,'))
    .map((line) => [line.slice(0, 29).trim(), line.slice(29, 55).trim(), line.slice(55).trim()]);
}

/**
 * The mean categorical crossentropy of a model's predictions over every sample, computed by hand:
 * what Keras's `evaluate` reports as the loss of a softmax model, whatever the batch size.
 */
export function meanCrossentropy(model: dn.Model, x: dn.datasets.ArrayWithShape<Float32Array>, y: dn.datasets.ArrayWithShape<Float32Array>): number {
  return dn.tf.tidy(() => {
    const probabilities = dn.tf.clipByValue(model.predict(x) as dn.tf.Tensor, 1e-7, 1 - 1e-7);
    const targets = dn.tf.tensor(y.values, y.shape);
    return dn.tf.neg(dn.tf.mean(dn.tf.sum(dn.tf.mul(targets, dn.tf.log(probabilities)), -1))).dataSync()[0];
  });
}

/** The numbers a tensor holds, read back; the tensor is disposed. */
export function valuesOf(tensor: dn.tf.Tensor): number[] {
  const values = Array.from(tensor.dataSync() as ArrayLike<number>);
  tensor.dispose();
  return values;
}

/** The pickle of a NumPy object array of int lists, as Python 2's `np.save` wrote Keras's imdb.npz. */
function pickleObjectArray(items: readonly (readonly number[])[]): Uint8Array {
  const out: number[] = [];
  const u32 = (n: number) => out.push(n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255);
  const int = (n: number) => {
    if (n >= 0 && n < 256) out.push(0x4b, n); // BININT1
    else if (n >= 0 && n < 65536) out.push(0x4d, n & 255, n >> 8); // BININT2
    else (out.push(0x4a), u32(n)); // BININT
  };
  const shortString = (text: string) => out.push(0x55, text.length, ...new TextEncoder().encode(text)); // SHORT_BINSTRING
  const global = (module: string, name: string) => out.push(0x63, ...new TextEncoder().encode(`${module}\n${name}\n`));
  out.push(0x80, 0x02); // PROTO 2
  global('numpy.core.multiarray', '_reconstruct');
  global('numpy', 'ndarray');
  int(0);
  out.push(0x85); // TUPLE1
  shortString('b');
  out.push(0x87, 0x52, 0x28); // TUPLE3, REDUCE, MARK (array state)
  int(1);
  int(items.length);
  out.push(0x85); // TUPLE1 (shape)
  global('numpy', 'dtype');
  shortString('O8');
  out.push(0x89, 0x88, 0x87, 0x52, 0x28); // False, True, TUPLE3, REDUCE, MARK (dtype state)
  int(3);
  shortString('|');
  out.push(0x4e, 0x4e, 0x4e); // None ×3
  out.push(0x4a, 255, 255, 255, 255, 0x4a, 255, 255, 255, 255); // -1, -1
  int(63);
  out.push(0x74, 0x62); // TUPLE, BUILD
  out.push(0x89, 0x5d, 0x28); // not Fortran, EMPTY_LIST, MARK
  for (const item of items) {
    out.push(0x5d, 0x28); // EMPTY_LIST, MARK
    for (const value of item) int(value);
    out.push(0x65); // APPENDS
  }
  out.push(0x65, 0x74, 0x62, 0x2e); // APPENDS, TUPLE, BUILD, STOP
  return Uint8Array.from(out);
}

/** A `.npy` file: the version 1.0 header padded to 64 bytes, then the body. */
function npy(descr: string, shape: number[], body: Uint8Array): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')},), }`;
  header = header.padEnd(Math.ceil((header.length + 11) / 64) * 64 - 11) + '\n';
  const bytes = new Uint8Array(10 + header.length + body.length);
  bytes.set([0x93, ...new TextEncoder().encode('NUMPY'), 1, 0, header.length & 255, header.length >> 8]);
  bytes.set(new TextEncoder().encode(header), 10);
  bytes.set(body, 10 + header.length);
  return bytes;
}

/** Reviews as Keras's `imdb.npz` holds them: raw word ranks (1 = most frequent), before `index_from`. */
export interface RawReviews {
  x: number[][];
  y: number[];
}

/**
 * Writes `<cacheDir>/imdb/imdb.npz` in Keras's layout (x_train, y_train, x_test, y_test; the
 * sequences a pickled object array of int lists, the labels int64).
 *
 * @returns the cache folder, for `dn.datasets.imdb({ cacheDir, download: false })`
 */
export function writeImdbNpz(cacheDir: string, train: RawReviews, test: RawReviews): string {
  const labels = (y: number[]) => {
    const body = new Uint8Array(y.length * 8);
    const view = new DataView(body.buffer);
    y.forEach((label, i) => view.setBigInt64(i * 8, BigInt(label), true));
    return npy('<i8', [y.length], body);
  };
  const zip = writeZip([
    ['x_test.npy', npy('|O', [test.x.length], pickleObjectArray(test.x))],
    ['x_train.npy', npy('|O', [train.x.length], pickleObjectArray(train.x))],
    ['y_train.npy', labels(train.y)],
    ['y_test.npy', labels(test.y)],
  ]);
  mkdirSync(join(cacheDir, 'imdb'), { recursive: true });
  writeFileSync(join(cacheDir, 'imdb', 'imdb.npz'), zip);
  return cacheDir;
}

/**
 * Writes `<cacheDir>/cifar100/cifar-100-python.tar.gz` as the real download: `cifar-100-python/`
 * `train` and `test` pickles (channels first, `fine_labels` and `coarse_labels`).
 *
 * @param pixel the value of channel c at pixel p of image n of a split
 * @returns the cache folder, for `dn.datasets.cifar100({ cacheDir, download: false })`
 */
export function writeCifar100(
  cacheDir: string,
  train: number[],
  test: number[],
  pixel: (label: number, n: number, channel: number, p: number) => number,
): string {
  const batch = (labels: number[]) => {
    const data = new Uint8Array(labels.length * 3072);
    labels.forEach((label, n) => {
      for (let c = 0; c < 3; c++) for (let p = 0; p < 1024; p++) data[n * 3072 + c * 1024 + p] = pixel(label, n, c, p);
    });
    return pythonTwoCifarBatch(data, { fine_labels: labels, coarse_labels: labels.map((label) => Math.floor(label / 5)) });
  };
  const tar = writeTar([
    ['cifar-100-python/train', batch(train)],
    ['cifar-100-python/test', batch(test)],
  ]);
  mkdirSync(join(cacheDir, 'cifar100'), { recursive: true });
  writeFileSync(join(cacheDir, 'cifar100', 'cifar-100-python.tar.gz'), gzipSync(tar));
  return cacheDir;
}

/**
 * Writes a dogs-and-cats folder as the course's (`<root>/cats/cat.N.jpg`, `<root>/dogs/dog.N.jpg`):
 * cats dark on the left half, dogs dark on the right, so a small network can tell them apart.
 *
 * @returns root
 */
export function writeDogsAndCats(root: string, perClass: number, width: number, height: number): string {
  for (const [folder, darkLeft] of [['cats', true], ['dogs', false]] as const) {
    mkdirSync(join(root, folder), { recursive: true });
    for (let n = 0; n < perClass; n++) {
      const image = writeJpeg(width, height, (x, y) => {
        const dark = x < width / 2 === darkLeft;
        const level = dark ? 20 + ((n * 13 + y) % 30) : 220 - ((n * 7 + x) % 30);
        return [level, level, level, 255];
      });
      writeFileSync(join(root, folder, `${folder.slice(0, -1)}.${n}.jpg`), image);
    }
  }
  return root;
}
