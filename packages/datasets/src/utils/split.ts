import { checkOptionKeys, describeValue, optionKeys, argumentError } from '@dendrite/backend/internal';
import type { ArrayWithShape } from '../loaders/image-classification';
import { NumpyRandomState } from './numpy-random-state';
import { shuffledIndices } from './shuffle';

type Numeric = Float32Array | Int32Array | Uint8Array;

/** The rows `indices` of an array with shape. */
export function takeRows<T extends Numeric>(array: ArrayWithShape<T>, indices: ArrayLike<number>): ArrayWithShape<T> {
  const rowSize = array.shape.slice(1).reduce((a, b) => a * b, 1);
  const Constructor = array.values.constructor as new (length: number) => T;
  const values = new Constructor(indices.length * rowSize);
  // Stryker disable next-line EqualityOperator: `i <= indices.length` adds a copy of indices[length] (undefined), an empty subarray set at the very end, which changes nothing
  for (let i = 0; i < indices.length; i++) values.set(array.values.subarray(indices[i] * rowSize, (indices[i] + 1) * rowSize) as never, i * rowSize);
  return { values, shape: [indices.length, ...array.shape.slice(1)] };
}

/** Options of {@link trainTestSplit}, scikit-learn's `train_test_split` arguments. */
export interface TrainTestSplitOptions {
  /** The test part: a fraction in (0, 1) or a number of samples (0.25). */
  testSize?: number;
  /**
   * Seed of the shuffle, scikit-learn's integer `random_state`: the rows are NumPy's
   * `RandomState(seed).permutation`, so the split is scikit-learn's row for row. Without it, the
   * global stream of `setSeed` shuffles (scikit-learn's `None` draws from NumPy's global state).
   */
  seed?: number;
  /** Shuffle before splitting (true). */
  shuffle?: boolean;
}

// Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
const TRAIN_TEST_SPLIT_KEYS = optionKeys<TrainTestSplitOptions>({ testSize: true, seed: true, shuffle: true });

/**
 * Splits samples into train and test as scikit-learn's `train_test_split`: `ceil(testSize · n)`
 * test rows, the rest for training; with a `seed`, the very rows scikit-learn picks for
 * `random_state=seed` (the first `nTest` of NumPy's permutation test, the next train, in that order).
 *
 * @throws TypeError for an unknown option (`test_size` → `testSize`)
 * @throws Error when x and y differ in samples, testSize is not a number or leaves a side empty
 * @example `const { xTrain, xTest, yTrain, yTest } = trainTestSplit(x, y, { testSize: 0.2, seed: 42 })`
 */
export function trainTestSplit<X extends Numeric, Y extends Numeric>(
  x: ArrayWithShape<X>,
  y: ArrayWithShape<Y>,
  options: TrainTestSplitOptions = {},
): { xTrain: ArrayWithShape<X>; xTest: ArrayWithShape<X>; yTrain: ArrayWithShape<Y>; yTest: ArrayWithShape<Y> } {
  checkOptionKeys(options, TRAIN_TEST_SPLIT_KEYS, 'trainTestSplit');
  // Stryker disable next-line StringLiteral: argumentError(value, '') is a TypeError as argumentError(value, 'number') for the non-numbers that reach it (the message is checked by split.test.ts)
  if (options.testSize !== undefined && typeof options.testSize !== 'number') throw argumentError(options.testSize, 'number', `Expected testSize to be a number in trainTestSplit, received ${describeValue(options.testSize)}`);
  const samples = x.shape[0];
  if (y.shape[0] !== samples) throw new Error(`Expected x and y to have the same number of samples, received ${samples} and ${y.shape[0]}`);
  const testSize = options.testSize ?? 0.25;
  const testCount = testSize >= 1 ? Math.floor(testSize) : Math.ceil(samples * testSize);
  if (testCount < 1 || testCount >= samples) throw new Error(`Expected testSize to leave samples on both sides of ${samples}, received ${testSize}`);
  if (options.shuffle === false) {
    // scikit-learn's unshuffled split trains on the first rows and tests on the last.
    const order = Int32Array.from({ length: samples }, (_, i) => i);
    const [trainRows, testRows] = [order.subarray(0, samples - testCount), order.subarray(samples - testCount)];
    return { xTrain: takeRows(x, trainRows), xTest: takeRows(x, testRows), yTrain: takeRows(y, trainRows), yTest: takeRows(y, testRows) };
  }
  const order = options.seed === undefined ? shuffledIndices(samples) : new NumpyRandomState(options.seed).permutation(samples);
  const testIndices = order.subarray(0, testCount);
  const trainIndices = order.subarray(testCount);
  return { xTrain: takeRows(x, trainIndices), xTest: takeRows(x, testIndices), yTrain: takeRows(y, trainIndices), yTest: takeRows(y, testIndices) };
}

/**
 * K-fold validation folds, as Keras's manual K-fold loop (Chollet, *Deep Learning with Python*): fold i validates on the i-th block
 * of `n / k` samples and trains on the rest.
 *
 * @throws Error for k < 2 or more folds than samples
 */
export function kFold(samples: number, k: number): Array<{ train: Int32Array; validation: Int32Array }> {
  if (!Number.isInteger(k) || k < 2 || k > samples) throw argumentError(k, 'number', `Expected k to be an integer in [2, ${samples}], received ${k}`);
  const size = Math.floor(samples / k);
  return Array.from({ length: k }, (_, fold) => {
    const validation = Int32Array.from({ length: size }, (_, i) => fold * size + i);
    const train = Int32Array.from([...Array(samples).keys()].filter((i) => i < fold * size || i >= (fold + 1) * size));
    return { train, validation };
  });
}

/**
 * Standardizes features by the mean and standard deviation of `reference` (the training data),
 * as Keras's examples do: `(x − mean) / std` per column.
 */
export function normalize(x: ArrayWithShape<Float32Array>, reference: ArrayWithShape<Float32Array> = x): ArrayWithShape<Float32Array> {
  const columns = x.shape.slice(1).reduce((a, b) => a * b, 1);
  const rows = reference.shape[0];
  const mean = new Float64Array(columns);
  const squares = new Float64Array(columns);
  for (let r = 0; r < rows; r++) {
    // Stryker disable next-line EqualityOperator: `c <= columns` adds a read-modify-write of mean[columns], past the end of a Float64Array, where the write is dropped
    for (let c = 0; c < columns; c++) mean[c] += reference.values[r * columns + c] / rows;
  }
  for (let r = 0; r < rows; r++) {
    // Stryker disable next-line EqualityOperator: `c <= columns` adds a read-modify-write of squares[columns], past the end of a Float64Array, where the write is dropped
    for (let c = 0; c < columns; c++) squares[c] += (reference.values[r * columns + c] - mean[c]) ** 2 / rows;
  }
  const out = new Float32Array(x.values.length);
  // Stryker disable next-line EqualityOperator: `i <= out.length` adds a write at out[length], past the end of a Float32Array, where it is dropped
  for (let i = 0; i < out.length; i++) {
    const c = i % columns;
    out[i] = (x.values[i] - mean[c]) / (Math.sqrt(squares[c]) || 1);
  }
  return { values: out, shape: [...x.shape] };
}
