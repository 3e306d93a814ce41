import { describeValue, optionKeys, readZip } from '@dendrite/backend/internal';
import { parseNpz } from '../formats/npy';
import { type LoadOptions, checkLoadOptions, locateFile, readBytes } from '../sources/locate-file';
import { shuffledIndices } from '../utils/shuffle';
import type { TabularDataset } from './tabular';

/** Options of {@link californiaHousing}, as Keras's. */
export interface CaliforniaOptions extends LoadOptions {
  /** 'large' (20 640 districts) or 'small' (the first 600). */
  version?: 'large' | 'small';
  /** Fraction held out for testing (0.2). */
  testSplit?: number;
  /** Seed of the split's shuffle (113). */
  seed?: number;
}

const CALIFORNIA_KEYS = optionKeys<CaliforniaOptions, LoadOptions>({ version: true, testSplit: true, seed: true });

/**
 * California housing, as `keras.datasets.california_housing.load_data()`: 8 features per district,
 * the median house value in dollars as target, split after a seeded shuffle (Dendrite's).
 *
 * @throws TypeError (a rejection) for an unknown option (`test_split` → `testSplit`)
 */
export async function californiaHousing(options: CaliforniaOptions = {}): Promise<{ train: TabularDataset; test: TabularDataset }> {
  const load = checkLoadOptions(options, 'californiaHousing', CALIFORNIA_KEYS);
  const version = options.version ?? 'large';
  if (version !== 'large' && version !== 'small') throw new Error(`Expected version to be "small" or "large", received ${describeValue(version)}`);
  const testSplit = options.testSplit ?? 0.2;
  if (!(testSplit >= 0 && testSplit < 1)) throw new Error(`Expected testSplit in [0, 1), received ${testSplit}`);
  const file = {
    name: 'california_housing.npz',
    kerasName: 'california_housing.npz',
    url: 'https://storage.googleapis.com/tensorflow/tf-keras-datasets/california_housing.npz',
    sha256: '1a2e3a52e0398de6463aebe6f4a8da34fb21fbb6b934cf88c3425e766f2a1a6f',
  };
  const path = await locateFile('california-housing', file, load);
  const arrays = parseNpz(readZip(readBytes(path), path, undefined, load.limits), path);
  const x = arrays.get('x');
  const y = arrays.get('y');
  if (!x || !y || x.shape.length !== 2) throw new Error(`Expected arrays "x" [n, 8] and "y" [n] in "${path}", received ${[...arrays.keys()].join(', ')}`);
  const samples = version === 'small' ? Math.min(600, x.shape[0]) : x.shape[0];
  const features = x.shape[1];
  const order = shuffledIndices(samples, options.seed ?? 113);
  const cut = Math.floor(samples * (1 - testSplit));
  const take = (from: number, to: number): TabularDataset => {
    const xs = new Float32Array((to - from) * features);
    const ys = new Float32Array(to - from);
    for (let i = from; i < to; i++) {
      for (let f = 0; f < features; f++) xs[(i - from) * features + f] = Number((x.values as ArrayLike<number>)[order[i] * features + f]);
      ys[i - from] = Number((y.values as ArrayLike<number>)[order[i]]);
    }
    return { x: { values: xs, shape: [to - from, features] }, y: { values: ys, shape: [to - from] } };
  };
  return { train: take(0, cut), test: take(cut, samples) };
}
