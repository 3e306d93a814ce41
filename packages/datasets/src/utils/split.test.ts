import { describe, expect, it } from 'vitest';
import { kFold, trainTestSplit } from './split';

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

describe('kFold on sizes that do not divide', () => {
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
