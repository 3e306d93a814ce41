import { Dataset } from '../pipeline/dataset';
import { type DirectoryLabelMode, encodeLabels } from './index-directory';

/** Labels of one batch, as Keras encodes them for the label mode. */
export type DirectoryLabels = { values: Float32Array | Int32Array; shape: number[] };

/**
 * A directory loader's dataset of `[x, labels]` batches, with Keras's `class_names` attribute
 * (with `labelMode: null` its elements are `x` alone).
 */
export type DirectoryDataset<X> = Dataset<[X, DirectoryLabels]> & { classNames: string[] };

/** A seeded order of `count` items (xorshift32 Fisher–Yates), different for every `pass`. */
function shuffledOrder(count: number, seed: number, pass: number): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  let state = (Math.imul(seed + 1, 0x9e3779b1) ^ Math.imul(pass + 1, 0x85ebca6b)) >>> 0 || 1;
  for (let index = count - 1; index > 0; index--) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const other = (state >>> 0) % (index + 1);
    [order[index], order[other]] = [order[other], order[index]];
  }
  return order;
}

/**
 * Batches of files read by `read`, with their labels: `[x, labels]`, or `x` alone without labels.
 * With a `shuffleSeed` the sample order is drawn again on every pass (Keras shuffles the dataset
 * each epoch), reproducibly for a seed.
 */
export function directoryDataset<X>(
  files: readonly string[],
  labels: readonly number[],
  classNames: string[],
  options: { labelMode: DirectoryLabelMode; batchSize: number | null; shuffleSeed: number | null },
  read: (files: string[]) => X,
): DirectoryDataset<X> {
  let pass = 0;
  const { labelMode, batchSize, shuffleSeed } = options;
  const dataset = Dataset.fromGenerator(function* (): Generator<[X, DirectoryLabels] | X> {
    const order = shuffleSeed === null ? files.map((_, index) => index) : shuffledOrder(files.length, shuffleSeed, pass++);
    const size = batchSize ?? 1;
    for (let start = 0; start < order.length; start += size) {
      const indices = order.slice(start, start + size);
      const x = read(indices.map((index) => files[index]));
      if (labelMode === null) yield x;
      else yield [x, encodeLabels(indices.map((index) => labels[index]), labelMode, classNames.length)];
    }
  });
  return Object.assign(dataset as Dataset<[X, DirectoryLabels]>, { classNames: [...classNames] });
}
