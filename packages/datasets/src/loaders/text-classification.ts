import { describeValue, optionKeys, readZip } from '@dendrite/backend/internal';
import { type NpyArray, parseNpz } from '../formats/npy';
import { type DatasetFile, type LoadOptions, checkLoadOptions, locateFile, readBytes } from '../sources/locate-file';
import { NumpyRandomState } from '../utils/numpy-random-state';

const KERAS = 'https://storage.googleapis.com/tensorflow/tf-keras-datasets/';

/** Options of {@link imdb} and {@link reuters}, as Keras's `load_data`. */
export interface TextDatasetOptions extends LoadOptions {
  /** Keep the `numWords` most frequent words; rarer ones become `oovChar`. */
  numWords?: number;
  /** Treat the `skipTop` most frequent words as out of vocabulary. */
  skipTop?: number;
  /** Drop sequences longer than this. */
  maxlen?: number;
  /** Seed of the shuffle (113): NumPy's `RandomState(seed)`, so the order is Keras's. */
  seed?: number;
  /** Marks the start of each sequence (1). */
  startChar?: number | null;
  /** Replaces words cut by numWords/skipTop (2). */
  oovChar?: number | null;
  /** Word indices are shifted by this (3). */
  indexFrom?: number;
}

/** Options of {@link reuters}: those of {@link imdb} and the held-out fraction. */
export interface ReutersOptions extends TextDatasetOptions {
  /** Fraction held out for testing (0.2), Keras's `test_split`. */
  testSplit?: number;
}

const TEXT_KEYS = optionKeys<TextDatasetOptions, LoadOptions>({ numWords: true, skipTop: true, maxlen: true, seed: true, startChar: true, oovChar: true, indexFrom: true });
const REUTERS_KEYS = [...TEXT_KEYS, ...optionKeys<ReutersOptions, TextDatasetOptions>({ testSplit: true })];

/** Sequences of word indices and their labels. */
export interface TextSplit {
  x: Int32Array[];
  y: Int32Array;
}

function toIndices(array: NpyArray, name: string, fileName: string): number[][] {
  if (!Array.isArray(array.values)) throw new Error(`Expected "${name}" in "${fileName}" to be an object array of sequences, received dtype ${array.dtype}`);
  return (array.values as unknown[]).map((sequence) => (sequence as Array<number | bigint>).map(Number));
}

function labelsOf(array: NpyArray): number[] {
  return Array.from(array.values as ArrayLike<number | bigint>, Number);
}

/** Keras's shared preprocessing of imdb and reuters sequences. */
function prepare(sequences: number[][], labels: number[], options: TextDatasetOptions): { x: number[][]; y: number[] } {
  const { skipTop = 0, maxlen, startChar = 1, oovChar = 2, indexFrom = 3 } = options;
  let xs = sequences.map((s) => (startChar !== null ? [startChar, ...s.map((w) => w + indexFrom)] : indexFrom ? s.map((w) => w + indexFrom) : s));
  let ys = labels;
  if (maxlen !== undefined) {
    const keep = xs.map((s) => s.length <= maxlen);
    xs = xs.filter((_, i) => keep[i]);
    ys = ys.filter((_, i) => keep[i]);
    if (xs.length === 0) throw new Error(`Expected some sequences of length ≤ maxlen ${maxlen}, received none`);
  }
  const numWords = options.numWords ?? Math.max(...xs.map((s) => Math.max(...s)));
  xs = xs.map((s) => (oovChar !== null ? s.map((w) => (w >= skipTop && w < numWords ? w : oovChar)) : s.filter((w) => w >= skipTop && w < numWords)));
  return { x: xs, y: ys };
}

async function loadNpz(name: string, file: DatasetFile, options: LoadOptions): Promise<Map<string, NpyArray>> {
  const path = await locateFile(name, file, options);
  return parseNpz(readZip(readBytes(path), path, undefined, options.limits), path);
}

function reorder<T>(items: T[], order: Int32Array): T[] {
  return Array.from(order, (i) => items[i]);
}

/**
 * IMDB movie reviews, as `keras.datasets.imdb.load_data()`: 25 000 + 25 000 reviews as word-index
 * sequences (1 starts a review, 2 is out of vocabulary, words from 3), labels 0/1. Read from
 * `imdb.npz` (a pickled object array, parsed without running code). Shuffled with NumPy's
 * `RandomState(seed)` stream as Keras does (train first, then test), so the order is Keras's.
 * `imdb.getWordIndex()` reads the word → index map.
 *
 * @throws TypeError (a rejection) for an unknown option (`num_words` → `numWords`)
 * @throws Error when `maxlen` leaves no review in a split
 */
export const imdb = Object.assign(
  async function imdb(options: TextDatasetOptions = {}): Promise<{ train: TextSplit; test: TextSplit }> {
    const load = checkLoadOptions(options, 'imdb', TEXT_KEYS);
    const file = { name: 'imdb.npz', kerasName: 'imdb.npz', url: `${KERAS}imdb.npz`, sha256: '69664113be75683a8fe16e3ed0ab59fda8886cb3cd7ada244f7d9544e4676b9f' };
    const arrays = await loadNpz('imdb', file, load);
    const get = (key: string) => {
      const array = arrays.get(key);
      if (!array) throw new Error(`Expected an array "${key}" in imdb.npz, received ${[...arrays.keys()].join(', ')}`);
      return array;
    };
    const random = new NumpyRandomState(options.seed ?? 113);
    const trainOrder = random.permutation(get('x_train').shape[0]);
    const testOrder = random.permutation(get('x_test').shape[0]);
    // Keras drops long reviews per split before numWords defaults to the largest index of both.
    const train = keepShort(reorder(toIndices(get('x_train'), 'x_train', 'imdb.npz'), trainOrder), reorder(labelsOf(get('y_train')), trainOrder), options);
    const test = keepShort(reorder(toIndices(get('x_test'), 'x_test', 'imdb.npz'), testOrder), reorder(labelsOf(get('y_test')), testOrder), options);
    const all = prepare([...train.x, ...test.x], [...train.y, ...test.y], { ...options, maxlen: undefined });
    const pack = (from: number, to: number) => ({ x: all.x.slice(from, to).map((s) => Int32Array.from(s)), y: Int32Array.from(all.y.slice(from, to)) });
    return { train: pack(0, train.x.length), test: pack(train.x.length, all.x.length) };
  },
  {
    /** `keras.datasets.imdb.get_word_index()`: see {@link getWordIndex}. */
    getWordIndex: (options: LoadOptions = {}): Promise<Map<string, number>> => getWordIndex('imdb', options),
  },
);

/** Shifts a split as Keras does and drops sequences longer than `maxlen` (none left → Error). */
function keepShort(sequences: number[][], labels: number[], options: TextDatasetOptions): { x: number[][]; y: number[] } {
  if (options.maxlen === undefined) return { x: sequences, y: labels };
  const { startChar = 1, indexFrom = 3 } = options;
  const extra = startChar !== null ? 1 : 0;
  const keep = sequences.map((s) => s.length + extra <= options.maxlen!);
  const kept = { x: sequences.filter((_, i) => keep[i]), y: labels.filter((_, i) => keep[i]) };
  if (kept.x.length === 0) throw new Error(`Expected some imdb reviews of length ≤ maxlen ${options.maxlen} (index_from ${indexFrom}), received none`);
  return kept;
}

/**
 * Reuters newswires, as `keras.datasets.reuters.load_data()`: 11 228 wires in 46 topics as
 * word-index sequences, `testSplit` (0.2) held out after a shuffle with NumPy's
 * `RandomState(seed)` stream, so train and test hold Keras's wires in Keras's order.
 * `reuters.getWordIndex()` reads the word → index map.
 *
 * @throws TypeError (a rejection) for an unknown option (`test_split` → `testSplit`)
 * @throws Error when `testSplit` is not in [0, 1)
 */
export const reuters = Object.assign(
  async function reuters(options: ReutersOptions = {}): Promise<{ train: TextSplit; test: TextSplit }> {
    const load = checkLoadOptions(options, 'reuters', REUTERS_KEYS);
    const testSplit = options.testSplit ?? 0.2;
    if (!(typeof testSplit === 'number' && testSplit >= 0 && testSplit < 1)) throw new Error(`Expected testSplit in [0, 1) in reuters, received ${describeValue(testSplit)}`);
    const file = { name: 'reuters.npz', kerasName: 'reuters.npz', url: `${KERAS}reuters.npz`, sha256: 'd6586e694ee56d7a4e65172e12b3e987c03096cb01eab99753921ef915959916' };
    const arrays = await loadNpz('reuters', file, load);
    const x = arrays.get('x');
    const y = arrays.get('y');
    if (!x || !y) throw new Error(`Expected arrays "x" and "y" in reuters.npz, received ${[...arrays.keys()].join(', ')}`);
    const order = new NumpyRandomState(options.seed ?? 113).permutation(x.shape[0]);
    const prepared = prepare(reorder(toIndices(x, 'x', 'reuters.npz'), order), reorder(labelsOf(y), order), options);
    const cut = Math.floor(prepared.x.length * (1 - testSplit));
    const pack = (from: number, to: number) => ({ x: prepared.x.slice(from, to).map((s) => Int32Array.from(s)), y: Int32Array.from(prepared.y.slice(from, to)) });
    return { train: pack(0, cut), test: pack(cut, prepared.x.length) };
  },
  {
    /** `keras.datasets.reuters.get_word_index()`: see {@link getWordIndex}. */
    getWordIndex: (options: LoadOptions = {}): Promise<Map<string, number>> => getWordIndex('reuters', options),
  },
);

/**
 * The word → index map of a text data set (`imdb` or `reuters`), as Keras's `get_word_index()`;
 * indices are before `indexFrom` shifting.
 *
 * @throws TypeError (a rejection) for an unknown option
 * @throws Error when `dataset` is neither `'imdb'` nor `'reuters'`
 */
export async function getWordIndex(dataset: 'imdb' | 'reuters', options: LoadOptions = {}): Promise<Map<string, number>> {
  if (dataset !== 'imdb' && dataset !== 'reuters') throw new Error(`Expected dataset to be "imdb" or "reuters" in getWordIndex, received ${describeValue(dataset)}`);
  const load = checkLoadOptions(options, 'getWordIndex');
  const name = `${dataset}_word_index.json`;
  // Keras publishes only an MD5 for these files, so the download is not checked by sha256.
  const path = await locateFile(dataset, { name, kerasName: name, url: `${KERAS}${name}` }, load);
  const text = new TextDecoder().decode(readBytes(path));
  let parsed: Record<string, number>;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`Expected a JSON word index in "${path}", received text that is not JSON`);
  }
  return new Map(Object.entries(parsed));
}
