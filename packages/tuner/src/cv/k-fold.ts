import { createRandom } from '@dendrite/backend';
import { checkOptionKeys, describeValue, optionKeys } from '@dendrite/backend/internal';

/** One split: the rows to train on and the rows to test on. */
export interface Split {
  train: Int32Array;
  test: Int32Array;
}

/** Options of {@link kFold} and {@link stratifiedKFold}, scikit-learn's arguments. */
export interface KFoldOptions {
  /** Number of folds (5), at least 2. */
  nSplits?: number;
  /** Shuffle the rows before splitting (false). */
  shuffle?: boolean;
  /** Seed of the shuffle (scikit-learn's `random_state`). */
  seed?: number;
}

export const K_FOLD_KEYS = optionKeys<KFoldOptions>({ nSplits: true, shuffle: true, seed: true });

/** Fisher–Yates shuffle in place with a seeded generator. */
export function shuffleInPlace(indices: Int32Array, random: () => number): Int32Array {
  for (let i = indices.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [indices[i], indices[j]] = [indices[j], indices[i]];
  }
  return indices;
}

/**
 * Checks nSplits against the number of rows.
 *
 * @throws RangeError naming the owner
 */
export function checkedSplits(options: KFoldOptions, samples: number, owner: string): number {
  checkOptionKeys(options, K_FOLD_KEYS, owner);
  const nSplits = options.nSplits ?? 5;
  if (!Number.isInteger(nSplits) || nSplits < 2) throw new RangeError(`Expected nSplits to be an integer of at least 2 in ${owner}, received ${describeValue(nSplits)}`);
  if (nSplits > samples) throw new RangeError(`Cannot have number of splits nSplits=${nSplits} greater than the number of samples: n_samples=${samples} (${owner})`);
  return nSplits;
}

/**
 * K-fold splits as scikit-learn's `KFold(n_splits).split(X)`: consecutive test blocks, the first
 * `samples % nSplits` folds one row larger; with `shuffle`, blocks of a seeded permutation.
 *
 * @param samples the number of rows
 * @throws RangeError for nSplits < 2 or more folds than rows; TypeError for an unknown option
 * @example `for (const { train, test } of kFold(506, { nSplits: 4 })) { ... }`
 */
export function kFold(samples: number, options: KFoldOptions = {}): Split[] {
  const nSplits = checkedSplits(options, samples, 'kFold');
  const order = Int32Array.from({ length: samples }, (_, i) => i);
  if (options.shuffle) shuffleInPlace(order, createRandom(options.seed));
  const splits: Split[] = [];
  let start = 0;
  for (let fold = 0; fold < nSplits; fold++) {
    const size = Math.floor(samples / nSplits) + (fold < samples % nSplits ? 1 : 0);
    const test = order.slice(start, start + size);
    const train = Int32Array.from([...order.subarray(0, start), ...order.subarray(start + size)]);
    splits.push({ train, test });
    start += size;
  }
  return splits;
}
