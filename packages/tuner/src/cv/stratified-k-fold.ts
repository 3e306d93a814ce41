import { createRandom } from '@dendrite/backend';
import { checkedSplits, shuffleInPlace, type KFoldOptions, type Split } from './k-fold';

/**
 * Stratified folds as scikit-learn's `StratifiedKFold(n_splits).split(X, y)`: classes numbered by
 * first appearance, each fold's share of a class allocated round-robin over the sorted labels, and
 * the rows of each class given to folds in blocks, in order (the blocks shuffled with `shuffle`).
 *
 * @param labels one class label per row
 * @throws RangeError when every class has fewer rows than nSplits
 * @example `stratifiedKFold([0, 0, 1, 1, 1, 0], { nSplits: 3 })`
 */
export function stratifiedKFold(labels: ArrayLike<number | string>, options: KFoldOptions = {}): Split[] {
  const samples = labels.length;
  const nSplits = checkedSplits(options, samples, 'stratifiedKFold');
  const classOf = new Map<number | string, number>();
  const encoded = Int32Array.from({ length: samples }, (_, i) => {
    if (!classOf.has(labels[i])) classOf.set(labels[i], classOf.size);
    return classOf.get(labels[i])!;
  });
  const classes = classOf.size;
  const counts = new Int32Array(classes);
  for (const label of encoded) counts[label]++;
  if (counts.every((count) => nSplits > count)) {
    throw new RangeError(`n_splits=${nSplits} cannot be greater than the number of members in each class (stratifiedKFold)`);
  }
  // allocation[f][k]: rows of class k in fold f, from a round robin over the sorted labels.
  const sorted = Int32Array.from(encoded).sort();
  const allocation = Array.from({ length: nSplits }, () => new Int32Array(classes));
  sorted.forEach((label, position) => allocation[position % nSplits][label]++);
  const random = createRandom(options.seed);
  const testFold = new Int32Array(samples);
  for (let k = 0; k < classes; k++) {
    const folds: number[] = [];
    for (let fold = 0; fold < nSplits; fold++) for (let n = 0; n < allocation[fold][k]; n++) folds.push(fold);
    const foldsForClass = Int32Array.from(folds);
    if (options.shuffle) shuffleInPlace(foldsForClass, random);
    let next = 0;
    for (let i = 0; i < samples; i++) if (encoded[i] === k) testFold[i] = foldsForClass[next++];
  }
  return Array.from({ length: nSplits }, (_, fold) => ({
    train: Int32Array.from([...testFold.keys()].filter((i) => testFold[i] !== fold)),
    test: Int32Array.from([...testFold.keys()].filter((i) => testFold[i] === fold)),
  }));
}
