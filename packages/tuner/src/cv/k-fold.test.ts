import { describe, expect, it } from 'vitest';
import { kFold } from './k-fold';
import { stratifiedKFold } from './stratified-k-fold';

const list = (array: Int32Array) => [...array];

describe('kFold', () => {
  it('consecutive test blocks, the first n % k folds one larger (scikit-learn KFold(3) on 10 rows)', () => {
    const splits = kFold(10, { nSplits: 3 });
    expect(splits.map((split) => list(split.test))).toEqual([[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    expect(list(splits[1].train)).toEqual([0, 1, 2, 3, 7, 8, 9]);
  });

  it('shuffles with a seed: a partition, repeatable', () => {
    const first = kFold(11, { nSplits: 4, shuffle: true, seed: 3 });
    expect(first.map((split) => split.test.length)).toEqual([3, 3, 3, 2]);
    expect(first.flatMap((split) => list(split.test)).sort((a, b) => a - b)).toEqual([...Array(11).keys()]);
    expect(kFold(11, { nSplits: 4, shuffle: true, seed: 3 })).toEqual(first);
    expect(list(first[0].test)).not.toEqual([0, 1, 2]);
  });

  it('names bad arguments', () => {
    expect(() => kFold(3, { nSplits: 4 })).toThrow('Cannot have number of splits nSplits=4 greater than the number of samples: n_samples=3 (kFold)');
    expect(() => kFold(10, { nSplits: 1 })).toThrow(RangeError);
    expect(() => kFold(10, { n_splits: 3 } as never)).toThrow('Unknown option "n_splits" in kFold: did you mean "nSplits"?');
  });
});

describe('stratifiedKFold', () => {
  it('allocates each class round-robin and in blocks, as scikit-learn (worked by hand)', () => {
    // Classes by first appearance: 1 → 0 (6 rows), 0 → 1 (4 rows); class 0 gives 2, 2, 2 rows to the
    // folds, class 1 gives 2, 1, 1.
    const splits = stratifiedKFold([1, 1, 0, 0, 1, 0, 1, 1, 0, 1], { nSplits: 3 });
    expect(splits.map((split) => list(split.test))).toEqual([[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    const uneven = stratifiedKFold(['a', 'b', 'a', 'a', 'b', 'a', 'a'], { nSplits: 2 });
    expect(uneven.map((split) => list(split.test))).toEqual([[0, 1, 2, 3], [4, 5, 6]]);
  });

  it('keeps class shares with shuffle, and refuses too few members', () => {
    const labels = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    for (const split of stratifiedKFold(labels, { nSplits: 5, shuffle: true, seed: 1 })) {
      expect(list(split.test).filter((i) => labels[i] === 1)).toHaveLength(2);
    }
    expect(() => stratifiedKFold([0, 1, 2], { nSplits: 2 })).toThrow('n_splits=2 cannot be greater than the number of members in each class');
  });
});
