import { describe, expect, it } from 'vitest';
import { kFold, normalize, trainTestSplit } from './split';

/** `n` samples whose values are their indices: one feature column and a label. */
function samples(n: number) {
  return {
    x: { values: Float32Array.from({ length: n }, (_, i) => i), shape: [n, 1] },
    y: { values: Int32Array.from({ length: n }, (_, i) => i), shape: [n] },
  };
}

describe('trainTestSplit on sizes that do not divide', () => {
  // scikit-learn: n_test = ceil(test_size · n), n_train = n − n_test.
  it.each([
    [10, 0.25, 3, 7],
    [7, 0.3, 3, 4],
    [11, 0.2, 3, 8],
    [5, 0.5, 3, 2],
  ])('n = %i, testSize %f: %i test and %i train rows, together every sample once', (n, testSize, testRows, trainRows) => {
    const { x, y } = samples(n);
    for (const options of [{ testSize, seed: 0 }, { testSize, shuffle: false }]) {
      const split = trainTestSplit(x, y, options);
      expect([split.xTest.shape[0], split.xTrain.shape[0]]).toEqual([testRows, trainRows]);
      expect([split.yTest.shape[0], split.yTrain.shape[0]]).toEqual([testRows, trainRows]);
      expect([...split.yTest.values, ...split.yTrain.values].sort((a, b) => a - b)).toEqual([...y.values]);
    }
  });
});

describe('trainTestSplit rows', () => {
  // scikit-learn's ShuffleSplit: permutation = RandomState(seed).permutation(n); test = permutation[:n_test],
  // train = permutation[n_test:]. RandomState(42).permutation(10) is [8, 1, 5, 0, 7, 2, 9, 4, 3, 6].
  it('takes the rows scikit-learn takes for random_state=42, x and y alike', () => {
    const { x, y } = samples(10);
    for (const options of [{ testSize: 0.3, seed: 42 }, { testSize: 0.3, seed: 42, shuffle: true }]) {
      const split = trainTestSplit(x, y, options);
      expect(Array.from(split.yTest.values)).toEqual([8, 1, 5]);
      expect(Array.from(split.yTrain.values)).toEqual([0, 7, 2, 9, 4, 3, 6]);
      expect(Array.from(split.xTest.values)).toEqual([8, 1, 5]);
      expect(split.xTrain.shape).toEqual([7, 1]);
    }
  });

  it('trains on the first rows and tests on the last without shuffling, as shuffle=False', () => {
    const { x, y } = samples(10);
    const split = trainTestSplit(x, y, { testSize: 0.3, shuffle: false });
    expect(Array.from(split.yTrain.values)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(split.xTest.values)).toEqual([7, 8, 9]);
  });

  it('shuffles from the global stream without a seed, keeping every row once', () => {
    const { x, y } = samples(10);
    const split = trainTestSplit(x, y, { testSize: 0.3 });
    expect([split.yTest.shape[0], split.yTrain.shape[0]]).toEqual([3, 7]);
    expect([...split.yTest.values, ...split.yTrain.values].sort((a, b) => a - b)).toEqual([...y.values]);
    expect(Array.from(split.xTest.values)).toEqual(Array.from(split.yTest.values));
  });

  it('reads a testSize of 1 or more as a number of rows, as an integer test_size', () => {
    const { x, y } = samples(10);
    expect(trainTestSplit(x, y, { testSize: 1, shuffle: false }).yTest.values).toEqual(Int32Array.from([9]));
    expect(trainTestSplit(x, y, { testSize: 3, shuffle: false }).yTest.values).toEqual(Int32Array.from([7, 8, 9]));
    expect(trainTestSplit(x, y, { testSize: 9, shuffle: false }).yTrain.values).toEqual(Int32Array.from([0]));
    // ceil(10 · 0.1) = 1 test row is enough.
    expect(trainTestSplit(x, y, { testSize: 0.1, shuffle: false }).yTest.values).toEqual(Int32Array.from([9]));
  });

  it('refuses a testSize that leaves a side empty or is not a number, naming it', () => {
    const { x, y } = samples(10);
    for (const [testSize, shown] of [[0, '0'], [10, '10'], [0.95, '0.95'], [-2, '-2']] as const) {
      expect(() => trainTestSplit(x, y, { testSize }), `testSize ${shown}`).toThrow(new Error(`Expected testSize to leave samples on both sides of 10, received ${shown}`));
    }
    expect(() => trainTestSplit(x, y, { testSize: '0.2' as never })).toThrow(new TypeError('Expected testSize to be a number in trainTestSplit, received "0.2"'));
  });
});

describe('kFold on sizes that do not divide', () => {
  it('refuses k that is not an integer in [2, n], naming it', () => {
    expect(() => kFold(10, 1)).toThrow(new RangeError('Expected k to be an integer in [2, 10], received 1'));
    expect(() => kFold(10, 2.5)).toThrow(new RangeError('Expected k to be an integer in [2, 10], received 2.5'));
    expect(() => kFold(3, 4)).toThrow(new RangeError('Expected k to be an integer in [2, 3], received 4'));
    expect(() => kFold(10, '2' as never)).toThrow(new TypeError('Expected k to be an integer in [2, 10], received 2'));
  });

  it('validates on blocks of floor(n / k) in order, trains on everything else, indexes within n', () => {
    // n = 10, k = 4: blocks of 2 — [0, 1], [2, 3], [4, 5], [6, 7]; 8 and 9 always train.
    const folds = kFold(10, 4);
    expect(folds.map((fold) => Array.from(fold.validation))).toEqual([[0, 1], [2, 3], [4, 5], [6, 7]]);
    expect(Array.from(folds[3].train)).toEqual([0, 1, 2, 3, 4, 5, 8, 9]);
    expect(Array.from(folds[0].train)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it.each([[7, 2, 3], [11, 3, 3], [13, 5, 2], [9, 9, 1]])('n = %i, k = %i: validation blocks of %i, every index in [0, n) once per fold', (n, k, size) => {
    for (const [fold, { train, validation }] of kFold(n, k).entries()) {
      expect(validation.length).toBe(size);
      expect(train.length).toBe(n - size);
      expect([...train, ...validation].every((index) => index >= 0 && index < n)).toBe(true);
      expect(new Set([...train, ...validation]).size).toBe(n);
      expect(validation[0]).toBe(fold * size);
    }
  });
});

describe('normalize', () => {
  it('standardizes each column by the population mean and std of the reference, a constant column by 1', () => {
    // Columns [1, 2, 3] (mean 2, std √(2/3)) and [10, 10, 10] (std 0: divided by 1).
    const x = { values: Float32Array.from([1, 10, 2, 10, 3, 10]), shape: [3, 2] };
    const scale = Math.sqrt(2 / 3);
    const standardized = normalize(x);
    expect(standardized.shape).toEqual([3, 2]);
    [-1 / scale, 0, 0, 0, 1 / scale, 0].forEach((value, i) => expect(standardized.values[i]).toBeCloseTo(value, 6));
    const other = normalize({ values: Float32Array.from([4, 12]), shape: [1, 1, 2] }, x);
    expect(other.shape).toEqual([1, 1, 2]);
    expect(other.values[0]).toBeCloseTo(2 / scale, 6);
    expect(other.values[1]).toBeCloseTo(2, 6);
  });
});
