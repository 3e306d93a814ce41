import { describe, expect, it } from 'vitest';
import * as datasets from './index';

const bogus = { bogus: 1 } as never;
const labels = { values: Int32Array.from([0, 1, 0, 1]), shape: [4] };
const features = { values: Float32Array.from([1, 2, 3, 4]), shape: [4, 1] };
const file = { name: 'x.csv' };

/** Every exported loader and utility that takes options, given a key none of them reads. */
const LOADERS: Record<string, () => Promise<unknown>> = {
  mnist: () => datasets.mnist(bogus),
  fashionMnist: () => datasets.fashionMnist(bogus),
  cifar10: () => datasets.cifar10(bogus),
  cifar100: () => datasets.cifar100(bogus),
  imdb: () => datasets.imdb(bogus),
  reuters: () => datasets.reuters(bogus),
  getWordIndex: () => datasets.getWordIndex('imdb', bogus),
  californiaHousing: () => datasets.californiaHousing(bogus),
  bostonHousing: () => datasets.bostonHousing(bogus),
  iris: () => datasets.iris(bogus),
  digits: () => datasets.digits(bogus),
  wine: () => datasets.wine(bogus),
  breastCancer: () => datasets.breastCancer(bogus),
  locateFile: () => datasets.locateFile('x', file, bogus),
};

const UTILITIES: Record<string, () => unknown> = {
  candidatePaths: () => datasets.candidatePaths('x', file, bogus),
  cacheDirectory: () => datasets.cacheDirectory(bogus),
  toCategorical: () => datasets.toCategorical(labels, bogus),
  padSequences: () => datasets.padSequences([[1, 2]], bogus),
  trainTestSplit: () => datasets.trainTestSplit(features, labels, bogus),
  textDatasetFromDirectory: () => datasets.textDatasetFromDirectory('missing-folder', bogus),
  imageDatasetFromDirectory: () => datasets.imageDatasetFromDirectory('missing-folder', bogus),
  timeseriesDatasetFromArray: () => datasets.timeseriesDatasetFromArray([1, 2, 3], bogus),
};

describe('every loader and utility refuses an unknown option', () => {
  for (const [name, load] of Object.entries(LOADERS)) {
    it(`${name} rejects before looking for files`, async () => {
      await expect(load()).rejects.toThrow(TypeError);
      await expect(load()).rejects.toThrow(new RegExp(`^Unknown option "bogus" in ${name}; expected one of `));
    });
  }

  for (const [name, call] of Object.entries(UTILITIES)) {
    it(name, () => {
      expect(call).toThrow(TypeError);
      expect(call).toThrow(new RegExp(`^Unknown option "bogus" in ${name}; expected one of `));
    });
  }

  it('names the spelling meant: Keras’s and scikit-learn’s snake_case, typos', async () => {
    await expect(datasets.imdb({ num_words: 10000 } as never)).rejects.toThrow('Unknown option "num_words" in imdb: did you mean "numWords"?');
    await expect(datasets.imdb({ maxLen: 100 } as never)).rejects.toThrow('did you mean "maxlen"?');
    await expect(datasets.reuters({ test_split: 0.1 } as never)).rejects.toThrow('did you mean "testSplit"?');
    await expect(datasets.cifar100({ label_mode: 'coarse' } as never)).rejects.toThrow('did you mean "labelMode"?');
    await expect(datasets.mnist({ cache_dir: '/tmp' } as never)).rejects.toThrow('Unknown option "cache_dir" in mnist: did you mean "cacheDir"?');
    expect(() => datasets.padSequences([[1]], { max_len: 3 } as never)).toThrow('Unknown option "max_len" in padSequences: did you mean "maxlen"?');
    expect(() => datasets.toCategorical(labels, { num_classes: 3 } as never)).toThrow('did you mean "numClasses"?');
    expect(() => datasets.trainTestSplit(features, labels, { test_size: 0.5 } as never)).toThrow('did you mean "testSize"?');
  });

  it('refuses a dataset file descriptor with a misspelt key (a checksum that would be skipped)', () => {
    expect(() => datasets.candidatePaths('x', { name: 'x.csv', sha265: 'ab' } as never)).toThrow('Unknown option "sha265" in the DatasetFile of candidatePaths: did you mean "sha256"?');
  });

  it('refuses options that are not an object where Keras’s first argument is not one of ours', async () => {
    await expect(datasets.mnist('mnist.npz' as never)).rejects.toThrow('Expected the options of mnist to be an object, received "mnist.npz"');
    await expect(datasets.getWordIndex('cifar' as never)).rejects.toThrow('Expected dataset to be "imdb" or "reuters" in getWordIndex, received "cifar"');
  });
});
