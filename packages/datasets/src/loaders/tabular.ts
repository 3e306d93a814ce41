import { optionKeys } from '@dendrite/backend/internal';
import { maybeGunzip } from '../formats/gzip';
import { parseNumericCsv } from '../formats/csv';
import { type DatasetFile, type LoadOptions, checkLoadOptions, locateFile, readBytes } from '../sources/locate-file';
import { shuffledIndices } from '../utils/shuffle';
import type { ArrayWithShape } from './image-classification';

/** A table of features and a target. */
export interface TabularDataset {
  x: ArrayWithShape<Float32Array>;
  y: ArrayWithShape<Float32Array> | ArrayWithShape<Int32Array>;
  featureNames?: string[];
  targetNames?: string[];
}

const SKLEARN = 'https://raw.githubusercontent.com/scikit-learn/scikit-learn/1.5.2/sklearn/datasets/data/';

/** Reads an sklearn-style CSV (a count line, optional header, rows of features then the target). */
async function loadCsvTable(dataset: string, file: DatasetFile, integerTarget: boolean, options: LoadOptions): Promise<TabularDataset> {
  const path = await locateFile(dataset, file, options);
  const text = new TextDecoder().decode(maybeGunzip(readBytes(path), path, options.limits));
  const firstLine = text.slice(0, text.indexOf('\n')).split(',');
  // Count and header lines are not all numbers, so the parser passes over them (digits has none).
  const rows = parseNumericCsv(text, path);
  const features = rows[0].length - 1;
  const x = new Float32Array(rows.length * features);
  const y = integerTarget ? new Int32Array(rows.length) : new Float32Array(rows.length);
  rows.forEach((row, i) => {
    x.set(row.slice(0, features), i * features);
    y[i] = row[features];
  });
  const targetNames = firstLine.slice(2).filter((name) => name.trim() !== '');
  return { x: { values: x, shape: [rows.length, features] }, y: { values: y, shape: [rows.length] } as TabularDataset['y'], targetNames: targetNames.length > 0 ? targetNames : undefined };
}

/**
 * The iris flowers (150 × 4, three species), as scikit-learn ships them.
 *
 * @throws TypeError (a rejection) for an unknown option
 */
export async function iris(options: LoadOptions = {}): Promise<TabularDataset> {
  const load = checkLoadOptions(options, 'iris');
  return loadCsvTable('sklearn-small', { name: 'iris.csv', url: `${SKLEARN}iris.csv` }, true, load);
}

/**
 * 8×8 digits (1 797 × 64, values 0–16), as scikit-learn ships them.
 *
 * @throws TypeError (a rejection) for an unknown option
 */
export async function digits(options: LoadOptions = {}): Promise<TabularDataset> {
  const load = checkLoadOptions(options, 'digits');
  return loadCsvTable('sklearn-small', { name: 'digits.csv.gz', url: `${SKLEARN}digits.csv.gz` }, true, load);
}

/**
 * The wine recognition data (178 × 13, three classes).
 *
 * @throws TypeError (a rejection) for an unknown option
 */
export async function wine(options: LoadOptions = {}): Promise<TabularDataset> {
  const load = checkLoadOptions(options, 'wine');
  return loadCsvTable('sklearn-small', { name: 'wine_data.csv', url: `${SKLEARN}wine_data.csv` }, true, load);
}

/**
 * The Wisconsin breast cancer data (569 × 30, malignant/benign).
 *
 * @throws TypeError (a rejection) for an unknown option
 */
export async function breastCancer(options: LoadOptions = {}): Promise<TabularDataset> {
  const load = checkLoadOptions(options, 'breastCancer');
  return loadCsvTable('sklearn-small', { name: 'breast_cancer.csv', url: `${SKLEARN}breast_cancer.csv` }, true, load);
}

/** Options of {@link bostonHousing}. */
export interface BostonOptions extends LoadOptions {
  /** Fraction held out for testing (0.2). */
  testSplit?: number;
  /** Seed of the split's shuffle (113, as Keras). */
  seed?: number;
}

const BOSTON_KEYS = optionKeys<BostonOptions, LoadOptions>({ testSplit: true, seed: true });

/**
 * Boston house prices, as `keras.datasets.boston_housing.load_data()`: 13 features, the median
 * value in $1000s as target, 20 % held out after a seeded shuffle (seed 113). The shuffle is
 * Dendrite's seeded one, so the split is not NumPy's sample for sample.
 *
 * @throws TypeError (a rejection) for an unknown option (`test_split` → `testSplit`)
 */
export async function bostonHousing(options: BostonOptions = {}): Promise<{ train: TabularDataset; test: TabularDataset }> {
  const load = checkLoadOptions(options, 'bostonHousing', BOSTON_KEYS);
  const testSplit = options.testSplit ?? 0.2;
  if (!(testSplit > 0 && testSplit < 1)) throw new Error(`Expected testSplit in (0, 1), received ${testSplit}`);
  const table = await loadCsvTable('boston-housing', { name: 'boston_house_prices.csv' }, false, load);
  const samples = table.x.shape[0];
  const order = shuffledIndices(samples, options.seed ?? 113);
  const trainCount = Math.floor(samples * (1 - testSplit)); // Keras: int(len(x) * (1 - test_split))
  const take = (from: number, to: number): TabularDataset => {
    const features = table.x.shape[1];
    const x = new Float32Array((to - from) * features);
    const y = new Float32Array(to - from);
    for (let i = from; i < to; i++) {
      x.set(table.x.values.subarray(order[i] * features, (order[i] + 1) * features), (i - from) * features);
      y[i - from] = table.y.values[order[i]];
    }
    return { x: { values: x, shape: [to - from, features] }, y: { values: y, shape: [to - from] } };
  };
  return { train: take(0, trainCount), test: take(trainCount, samples) };
}
