import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { sharedFolderPresent } from '@dendrite/test-utils';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { writeZip } from '@dendrite/backend/internal';

/**
 * Shared helpers of the seed 003/004 and Keras-guide snippet suites: where the course's data sets
 * come from, small files in Keras's real formats, and capturing what a snippet prints.
 */

/** The shared data sets folder (Fashion-MNIST, Boston, California, Reuters), when present. */
export const SHARED_DATASETS = join(__dirname, '../../../../../shared/datasets');

/** Whether the shared data sets are on this machine (the suites that need them skip otherwise). */
export const HAS_SHARED_DATASETS = sharedFolderPresent(SHARED_DATASETS);

/** A fresh folder under the OS temp dir (left for the OS to clean: files are a few kB). */
export function tempFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `dendrite-seed-${prefix}-`));
}

/**
 * Runs `body` while collecting everything written to `process.stdout` (the progress bar, summary
 * lines through console.log), and returns the result with the text.
 */
export async function captureStdout<T>(body: () => T | Promise<T>): Promise<{ result: T; text: string }> {
  const chunks: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk));
    return true;
  });
  const log = vi.spyOn(console, 'log').mockImplementation((...items: unknown[]) => {
    chunks.push(`${items.join(' ')}\n`);
  });
  try {
    const result = await body();
    return { result, text: chunks.join('') };
  } finally {
    write.mockRestore();
    log.mockRestore();
  }
}

/** The `.npy` bytes of a numeric array (`descr` `<f8`, `<f4`, `<i8`…), as `np.save` writes them. */
export function encodeNpy(values: Float64Array | Float32Array | BigInt64Array, shape: number[], descr: '<f8' | '<f4' | '<i8'): Uint8Array {
  return npyWithBody(`{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

function npyWithBody(dictionary: string, body: Uint8Array): Uint8Array {
  // Version 1.0: magic, version, little-endian header length, header padded to 64 bytes with '\n'.
  const unpadded = 10 + dictionary.length + 1;
  const header = dictionary + ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const bytes = new Uint8Array(10 + header.length + body.length);
  bytes.set([0x93, ...new TextEncoder().encode('NUMPY'), 1, 0, header.length & 0xff, header.length >> 8]);
  bytes.set(new TextEncoder().encode(header), 10);
  bytes.set(body, 10 + header.length);
  return bytes;
}

/**
 * The `.npy` bytes of a NumPy object array of int lists, pickled the way `np.save(allow_pickle=True)`
 * writes Keras's imdb.npz: `numpy.core.multiarray._reconstruct(ndarray, (0,), b'b')` then the
 * state `(1, shape, dtype('O'), False, [list, …])`.
 */
export function encodeObjectNpy(lists: number[][]): Uint8Array {
  const out: number[] = [0x80, 0x02];
  const ascii = (text: string) => out.push(...new TextEncoder().encode(text));
  const int = (value: number) => {
    if (value >= 0 && value < 256) out.push(0x4b, value);
    else if (value >= 0 && value < 65536) out.push(0x4d, value & 0xff, value >> 8);
    else out.push(0x4a, value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff, (value >>> 24) & 0xff);
  };
  const unicode = (text: string) => {
    out.push(0x58, text.length, 0, 0, 0);
    ascii(text);
  };
  ascii('cnumpy.core.multiarray\n_reconstruct\n');
  ascii('cnumpy\nndarray\n');
  int(0);
  out.push(0x85, 0x43, 1, 0x62, 0x87, 0x52); // (0,), b'b', TUPLE3, REDUCE
  out.push(0x28); // MARK of the state tuple
  int(1);
  int(lists.length);
  out.push(0x85);
  ascii('cnumpy\ndtype\n');
  unicode('O8');
  int(0);
  int(1);
  out.push(0x87, 0x52, 0x28); // dtype('O8', 0, 1), MARK of its state
  int(3);
  unicode('|');
  out.push(0x4e, 0x4e, 0x4e, 0x4a, 0xff, 0xff, 0xff, 0xff, 0x4a, 0xff, 0xff, 0xff, 0xff);
  int(63);
  out.push(0x74, 0x62, 0x89, 0x5d); // TUPLE, BUILD, False, EMPTY_LIST
  for (const list of lists) {
    out.push(0x5d, 0x28);
    for (const value of list) int(value);
    out.push(0x65, 0x61); // APPENDS, APPEND
  }
  out.push(0x74, 0x62, 0x2e); // TUPLE, BUILD, STOP
  return npyWithBody(`{'descr': '|O', 'fortran_order': False, 'shape': (${lists.length},), }`, Uint8Array.from(out));
}

/** Writes `<cacheDir>/<dataset>/<name>` as a ZIP of `.npy` entries (an `.npz`) and returns cacheDir. */
export function writeNpz(cacheDir: string, dataset: string, name: string, arrays: Record<string, Uint8Array>): string {
  mkdirSync(join(cacheDir, dataset), { recursive: true });
  writeFileSync(join(cacheDir, dataset, name), writeZip(Object.entries(arrays).map(([key, bytes]) => [`${key}.npy`, bytes] as [string, Uint8Array])));
  return cacheDir;
}

/**
 * A small `imdb.npz` in Keras's layout (x_train, y_train, x_test, y_test; raw word ranks from 1):
 * positive reviews lean on ranks 40..59, negative ones on 60..79, both mixed with common words,
 * and a few ranks above 10 000 that `numWords` cuts to the out-of-vocabulary index.
 */
export function writeImdbCache(trainCount: number, testCount: number): string {
  let state = 20221;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const review = (label: number) => {
    const length = 20 + Math.floor(next() * 30);
    return Array.from({ length }, () => {
      const pick = next();
      if (pick < 0.35) return (label ? 40 : 60) + Math.floor(next() * 20);
      if (pick < 0.38) return 10000 + Math.floor(next() * 20000);
      return 1 + Math.floor(next() * 2000);
    });
  };
  const split = (count: number) => {
    const labels = Array.from({ length: count }, (_, i) => i % 2);
    return { x: labels.map(review), y: new BigInt64Array(labels.map(BigInt)) };
  };
  const train = split(trainCount);
  const test = split(testCount);
  return writeNpz(tempFolder('imdb'), 'imdb', 'imdb.npz', {
    x_train: encodeObjectNpy(train.x),
    y_train: encodeNpy(train.y, [trainCount], '<i8'),
    x_test: encodeObjectNpy(test.x),
    y_test: encodeNpy(test.y, [testCount], '<i8'),
  });
}

/**
 * `california_housing.npz` in Keras's layout (x [n, 8] and y [n], float64) from the first `rows`
 * districts of StatLib's cal_housing.data in the shared folder (the columns Keras keeps, in order).
 */
export function writeCaliforniaCache(rows: number): string {
  const lines = readFileSync(join(SHARED_DATASETS, 'california-housing', 'cal_housing.data'), 'utf8').trim().split('\n').slice(0, rows);
  const x = new Float64Array(rows * 8);
  const y = new Float64Array(rows);
  lines.forEach((line, row) => {
    const cells = line.split(',').map(Number);
    x.set(cells.slice(0, 8), row * 8);
    y[row] = cells[8];
  });
  return writeNpz(tempFolder('california'), 'california-housing', 'california_housing.npz', { x: encodeNpy(x, [rows, 8], '<f8'), y: encodeNpy(y, [rows], '<f8') });
}

/** The mean of the first and last halves of a series (a loss "falls" when the second is lower). */
export function halves(series: number[]): [number, number] {
  const middle = Math.floor(series.length / 2);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return [mean(series.slice(0, Math.max(middle, 1))), mean(series.slice(middle))];
}
