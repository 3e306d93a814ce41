import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '@dendrite/test-utils';
import { NumpyRandomState } from '../utils/numpy-random-state';
import { textDatasetFromDirectory } from './text-dataset-from-directory';

const tempDir = useTempDirs('text-dataset-');

/** `root/neg/0.txt…`, `root/pos/…`: `counts` texts per class, each naming its class and number. */
function writeFolders(counts: Record<string, number>): string {
  const root = tempDir();
  for (const [label, count] of Object.entries(counts)) {
    mkdirSync(join(root, label), { recursive: true });
    for (let index = 0; index < count; index++) writeFileSync(join(root, label, `${index}.txt`), `${label} ${index}`);
  }
  writeFileSync(join(root, 'neg', 'notes.md'), 'not a text sample');
  return root;
}

async function collect(dataset: AsyncIterable<unknown>): Promise<Array<[string[], { values: ArrayLike<number>; shape: number[] }]>> {
  const batches = [];
  for await (const batch of dataset) batches.push(batch as [string[], { values: ArrayLike<number>; shape: number[] }]);
  return batches;
}

describe('textDatasetFromDirectory', () => {
  it('infers int labels from the sorted folders and reads every .txt in order without shuffle', async () => {
    const root = writeFolders({ pos: 2, neg: 3 });
    const dataset = textDatasetFromDirectory(root, { batchSize: 4, shuffle: false });
    expect(dataset.classNames).toEqual(['neg', 'pos']);
    const batches = await collect(dataset);
    expect(batches.map(([texts]) => texts)).toEqual([['neg 0', 'neg 1', 'neg 2', 'pos 0'], ['pos 1']]);
    expect(Array.from(batches[0][1].values)).toEqual([0, 0, 0, 1]);
    expect(batches[0][1].shape).toEqual([4]);
  });

  it('shuffles files as Keras (RandomState(seed) on paths and labels) and splits off the last files', async () => {
    const root = writeFolders({ neg: 3, pos: 3 });
    const [training, validation] = textDatasetFromDirectory(root, { batchSize: 10, seed: 7, validationSplit: 0.34, subset: 'both' });
    const expected = ['neg 0', 'neg 1', 'neg 2', 'pos 0', 'pos 1', 'pos 2'];
    new NumpyRandomState(7).shuffle(expected);
    const [[validationTexts, validationLabels]] = await collect(validation);
    expect(validationTexts).toEqual(expected.slice(4));
    expect(Array.from(validationLabels.values)).toEqual(validationTexts.map((text) => (text.startsWith('pos') ? 1 : 0)));
    const [[trainingTexts]] = await collect(training);
    expect([...trainingTexts].sort()).toEqual(expected.slice(0, 4).sort());
    // Each pass draws a new order of the same samples.
    const [[again]] = await collect(training);
    expect([...again].sort()).toEqual([...trainingTexts].sort());
  });

  it('encodes categorical and binary labels, and texts alone without labels', async () => {
    const root = writeFolders({ neg: 1, pos: 1 });
    const [[, categorical]] = await collect(textDatasetFromDirectory(root, { labelMode: 'categorical', shuffle: false }));
    expect(categorical).toEqual({ values: Float32Array.from([1, 0, 0, 1]), shape: [2, 2] });
    const [[, binary]] = await collect(textDatasetFromDirectory(root, { labelMode: 'binary', shuffle: false, classNames: ['pos', 'neg'] }));
    expect(binary).toEqual({ values: Float32Array.from([0, 1]), shape: [2, 1] });
    const [texts] = await collect(textDatasetFromDirectory(root, { labelMode: null, shuffle: false, maxLength: 3 }));
    expect(texts).toEqual(['neg', 'pos']);
  });

  it('refuses bad options as Keras', () => {
    const root = writeFolders({ neg: 1, pos: 1, other: 1 });
    expect(() => textDatasetFromDirectory(root, { labelMode: 'binary' })).toThrow(/exactly 2 class folders/);
    expect(() => textDatasetFromDirectory(root, { validationSplit: 0.2, subset: 'training' })).toThrow(/seed/);
    expect(() => textDatasetFromDirectory(root, { validationSplit: 0.2 })).toThrow(/validationSplit and subset together/);
    expect(() => textDatasetFromDirectory(root, { batch_size: 2 } as never)).toThrow(/Unknown option "batch_size" in textDatasetFromDirectory: did you mean "batchSize"\?/);
    expect(() => textDatasetFromDirectory(join(root, 'missing'))).toThrow(/received nothing/);
  });
});
