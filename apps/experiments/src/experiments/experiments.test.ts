import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { selectBackend, setSeed, clearSeed } from '@dendrite/backend';
import { EXPERIMENTS } from './index';

const SHARED = join(__dirname, '../../../../../shared/datasets');
const NEEDS_SHARED = new Set(['fashion-mlp', 'iris-mlp', 'perceptron-iris', 'boston-kfold']);

it.each([...EXPERIMENTS.keys()].filter((name) => !NEEDS_SHARED.has(name) || existsSync(SHARED)))('%s runs one epoch on a small slice', async (name) => {
  const backend = await selectBackend({ prefer: 'wasm' });
  setSeed(1);
  const result = await EXPERIMENTS.get(name)!.run({ epochs: 1, verbose: 0, limit: 1000, searchDirs: [SHARED], backend });
  clearSeed();
  expect(Object.values(result.test).length).toBeGreaterThan(0);
  expect(Object.values(result.test).every(Number.isFinite)).toBe(true);
  expect(Object.values(result.history).every((values) => values.length >= 1)).toBe(true);
});

it('names the experiments the issue lists', () => {
  for (const name of ['mnist-single-sgd', 'mnist-hidden-sgd', 'mnist-dropout-sgd', 'mnist-rmsprop', 'mnist-adam', 'dnn-original', 'dnn-remove-layer', 'dnn-l2', 'dnn-dropout', 'dnn-batchnorm', 'dnn-l2-dropout', 'dnn-l2-batchnorm', 'dnn-dropout-batchnorm', 'mnist-cnn', 'keras-mnist-basic', 'fashion-mlp', 'iris-mlp', 'xor-mlp', 'perceptron-iris', 'boston-kfold', 'optimizer-compare', 'dropout-sweep', 'batch-size-sweep', 'lr-sweep', 'hidden-size-sweep']) {
    expect(EXPERIMENTS.has(name), name).toBe(true);
  }
});
