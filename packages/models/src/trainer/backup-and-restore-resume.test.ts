import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { clearSeed, setSeed, tf } from '@dendrite/backend';
import { backupAndRestore, LambdaCallback } from '@dendrite/callbacks';
import { dense, dropout, resetUniqueNames } from '@dendrite/layers';
import { sgd } from '@dendrite/optimizers';
import { seededArray, useBackend, useTempDirs } from '@dendrite/test-utils';
import { sequential } from '../sequential';

const tempDir = useTempDirs('resume');
afterEach(() => clearSeed());

/** What a fresh process does: seed, build, compile (the build draws initial weights from the stream). */
function freshModel(dropoutSeed?: number) {
  setSeed(1234);
  resetUniqueNames();
  const model = sequential({ layers: [dense({ units: 8, activation: 'relu', inputShape: [4] }), dropout({ rate: 0.5, seed: dropoutSeed }), dense({ units: 1 })] });
  model.compile({ optimizer: sgd({ learningRate: 0.05 }), loss: 'mse' });
  return model;
}

/** The model's weights as plain arrays (getWeights' copies disposed). */
function weightValues(model: ReturnType<typeof freshModel>): number[][] {
  const weights = model.getWeights();
  const values = weights.map((weight) => Array.from(weight.dataSync()));
  tf.dispose(weights);
  return values;
}

it.each([
  ['the global random stream is backed up', undefined],
  ["a dropout layer's own seeded stream is backed up", 7],
])('resumes a killed run from its backup bit for bit with dropout and shuffling on (%s)', async (_, dropoutSeed) => {
  await useBackend('cpu');
  const before = tf.memory().numTensors;
  const x = tf.tensor2d(seededArray(24 * 4, 1), [24, 4]);
  const y = tf.tensor2d(seededArray(24, 2), [24, 1]);
  const fitOptions = { epochs: 4, batchSize: 5, shuffle: true, verbose: 0 as const };

  const uninterrupted = freshModel(dropoutSeed);
  await uninterrupted.fit(x, y, fitOptions);
  const expected = weightValues(uninterrupted);

  const dir = join(tempDir(), 'backup');
  const killed = freshModel(dropoutSeed);
  // The kill: training stops right after epoch 2's backup (the backup is kept for the next run).
  const kill = new LambdaCallback({ onEpochEnd: (epoch) => void (epoch === 1 && (killed.stopTraining = true)) });
  await killed.fit(x, y, { ...fitOptions, callbacks: [backupAndRestore(dir), kill] });

  const resumed = freshModel(dropoutSeed);
  const history = await resumed.fit(x, y, { ...fitOptions, callbacks: [backupAndRestore(dir)] });
  expect(history.epoch).toEqual([2, 3]);
  expect(weightValues(resumed)).toEqual(expected);

  [uninterrupted, killed, resumed].forEach((model) => model.dispose());
  tf.dispose([x, y]);
  expect(tf.memory().numTensors).toBe(before);
});
