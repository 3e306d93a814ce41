import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { skipWithoutSharedFolder } from '@dendrite/test-utils';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { selectBackend, setSeed, clearSeed } from '@dendrite/backend';
import { EXPERIMENTS } from './index';
import { writeTinyAclImdb } from './imdb-raw-fixture';

const SHARED = join(__dirname, '../../../../../shared/datasets');
// Small files in the real npz layouts stand in for imdb, reuters and California housing here.
const FIXTURES = join(__dirname, '../../../../packages/datasets/test/fixtures');
const STAND_INS = mkdtempSync(join(tmpdir(), 'dendrite-experiments-'));
for (const [dataset, fixture, name] of [['imdb', 'imdb-like.npz', 'imdb.npz'], ['reuters', 'reuters.npz', 'reuters.npz'], ['california-housing', 'california-like.npz', 'california_housing.npz']]) {
  mkdirSync(join(STAND_INS, dataset));
  copyFileSync(join(FIXTURES, fixture), join(STAND_INS, dataset, name));
}
// imdb-raw reads an aclImdb folder: a tiny one in its layout.
writeTinyAclImdb(STAND_INS);
// The California experiments read StatLib's cal_housing.data (scikit-learn's features) from the shared folder.
const NEEDS_SHARED = new Set(['fashion-mlp', 'iris-mlp', 'perceptron-iris', 'boston-kfold', 'california-search', 'california-sequential', 'california-wide-deep']);

it.for([...EXPERIMENTS.keys()])('%s runs one epoch on a small slice', async (name, context) => {
  if (NEEDS_SHARED.has(name)) skipWithoutSharedFolder(context, SHARED);
  const backend = await selectBackend({ prefer: 'wasm' });
  setSeed(1);
  const result = await EXPERIMENTS.get(name)!.run({ epochs: 1, verbose: 0, limit: 1000, searchDirs: [SHARED, STAND_INS], backend });
  clearSeed();
  expect(Object.values(result.test).length).toBeGreaterThan(0);
  expect(Object.values(result.test).every(Number.isFinite)).toBe(true);
  expect(Object.values(result.history).every((values) => values.length >= 1)).toBe(true);
});

it('names the experiments the issue lists', () => {
  for (const name of ['mnist-single-sgd', 'mnist-hidden-sgd', 'mnist-dropout-sgd', 'mnist-rmsprop', 'mnist-adam', 'dnn-original', 'dnn-remove-layer', 'dnn-l2', 'dnn-dropout', 'dnn-batchnorm', 'dnn-l2-dropout', 'dnn-l2-batchnorm', 'dnn-dropout-batchnorm', 'mnist-cnn', 'keras-mnist-basic', 'fashion-mlp', 'iris-mlp', 'xor-mlp', 'perceptron-iris', 'boston-kfold', 'imdb-embedding', 'imdb-dense', 'imdb-raw', 'reuters-dense', 'california-search', 'california-sequential', 'california-wide-deep', 'optimizer-compare', 'dropout-sweep', 'batch-size-sweep', 'lr-sweep', 'hidden-size-sweep']) {
    expect(EXPERIMENTS.has(name), name).toBe(true);
  }
});
