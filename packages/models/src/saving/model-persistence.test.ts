import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { clearSeed, setSeed, tf } from '@dendrite/backend';
import { BackupAndRestore, EarlyStopping, LambdaCallback, ModelCheckpoint } from '@dendrite/callbacks';
import { dense, resetUniqueNames } from '@dendrite/layers';
import { describeEachBackend, expectArraysClose, seededArray, useTempDirs } from '@dendrite/test-utils';
import { sequential } from '../sequential';
import { loadModel } from '../load-model';
import { readTensorArchive, writeTensorArchive } from './tensor-archive';

const tempDir = useTempDirs('models');
afterEach(() => {
  resetUniqueNames();
  clearSeed();
});

const x = { values: seededArray(64 * 3, 1), shape: [64, 3] };
const y = { values: seededArray(64, 2), shape: [64, 1] };

function makeModel() {
  const model = sequential({ layers: [dense({ units: 8, activation: 'relu', inputShape: [3] }), dense({ units: 1 })] });
  model.compile({ optimizer: 'adam', loss: 'mse', metrics: ['mae'] });
  return model;
}

function weightsOf(model: ReturnType<typeof makeModel>): number[][] {
  const weights = model.getWeights();
  const values = weights.map((w) => Array.from(w.dataSync()));
  tf.dispose(weights);
  return values;
}

describeEachBackend('saving', () => {
  it('resumes a killed run with BackupAndRestore: 2 + 2 epochs equal 4 uninterrupted ones', async () => {
    setSeed(11);
    const straight = makeModel();
    await straight.fit(x, y, { epochs: 4, batchSize: 16, shuffle: false, verbose: 0 });
    const expected = weightsOf(straight);
    straight.dispose();

    setSeed(11);
    resetUniqueNames();
    const dir = join(tempDir(), 'backup');
    const first = makeModel();
    const kill = new LambdaCallback({ onEpochEnd: (epoch) => void (epoch === 1 && (first.stopTraining = true)) });
    await first.fit(x, y, { epochs: 4, batchSize: 16, shuffle: false, verbose: 0, callbacks: [new BackupAndRestore(dir), kill] });
    first.dispose();
    resetUniqueNames();
    const second = makeModel();
    const backup = new BackupAndRestore(dir);
    const history = await second.fit(x, y, { epochs: 4, batchSize: 16, shuffle: false, verbose: 0, callbacks: [backup] });
    expect(backup.initialEpoch).toBe(2);
    expect(history.epoch).toEqual([2, 3]);
    weightsOf(second).forEach((values, i) => expectArraysClose(values, expected[i], 1e-5));
    expect(existsSync(dir)).toBe(false);
    second.dispose();
  });

  it('saves and reloads a whole model with its optimizer, and restores early-stopped best weights', async () => {
    setSeed(12);
    const model = makeModel();
    const dir = tempDir();
    const checkpoint = new ModelCheckpoint(join(dir, 'model-{epoch:02d}.dndr'));
    await model.fit(x, y, { epochs: 2, batchSize: 16, verbose: 0, callbacks: [checkpoint, new EarlyStopping({ monitor: 'loss', patience: 5, restoreBestWeights: true })] });
    expect(checkpoint.saved).toEqual([join(dir, 'model-01.dndr'), join(dir, 'model-02.dndr')]);
    const reloaded = await loadModel(join(dir, 'model-02.dndr'));
    const input = tf.tensor2d(seededArray(4 * 3, 3), [4, 3]);
    const a = model.predict(input) as tf.Tensor;
    const b = reloaded.predict(input) as tf.Tensor;
    expectArraysClose(b, a);
    expect(reloaded.compiled?.optimizer.iterations).toBe(model.compiled?.optimizer.iterations);
    tf.dispose([input, a, b]);
    model.dispose();
    reloaded.dispose();
  });

  it('leaves weights and optimizer as they were when only the optimizer state of a training state does not fit', async () => {
    const model = makeModel();
    await model.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 });
    const [weights, iterations] = [weightsOf(model), model.compiled?.optimizer.iterations];
    resetUniqueNames();
    const other = makeModel();
    await other.fit(x, y, { epochs: 2, batchSize: 16, verbose: 0 });
    const dir = tempDir();
    const good = join(dir, 'state.dndr');
    await other.saveTrainingState(good);
    const { header, entries } = await readTensorArchive(good);
    // The weights fit; one optimizer slot is transposed.
    const slot = entries.findIndex((entry) => entry.name.startsWith('optimizer/') && entry.shape.length === 2);
    entries[slot] = { ...entries[slot], shape: [...entries[slot].shape].reverse() };
    const bad = join(dir, 'bad-optimizer.dndr');
    await writeTensorArchive(bad, header, entries);
    await expect(model.loadTrainingState(bad)).rejects.toThrow(`Expected optimizer state matching the model in "${bad}"`);
    expect(weightsOf(model)).toEqual(weights);
    expect(model.compiled?.optimizer.iterations).toBe(iterations);
    await model.loadTrainingState(good);
    expect(weightsOf(model)).toEqual(weightsOf(other));
    expect(model.compiled?.optimizer.iterations).toBe(other.compiled?.optimizer.iterations);
    model.dispose();
    other.dispose();
  });

  it('names a corrupt or mismatched file and leaves the model as it was', async () => {
    const model = makeModel();
    const dir = tempDir();
    const before = weightsOf(model);
    const garbage = join(dir, 'garbage.dndr');
    writeFileSync(garbage, 'not an archive');
    await expect(model.loadWeights(garbage)).rejects.toThrow(`Expected saved weights (.weights.h5, .h5, .keras or a Dendrite archive) in "${garbage}", received a file starting with bytes [6e 6f 74 20 61 6e 20 61]`);
    const good = join(dir, 'weights.dndr');
    await model.saveWeights(good);
    const truncated = join(dir, 'truncated.dndr');
    writeFileSync(truncated, readFileSync(good).subarray(0, 200));
    await expect(model.loadWeights(truncated)).rejects.toThrow(/truncated/);
    const other = sequential({ layers: [dense({ units: 2, inputShape: [3] })] });
    await expect(other.loadWeights(good)).rejects.toThrow(/Expected 2 weights for model "sequential_1"/);
    expect(weightsOf(model)).toEqual(before);
    model.dispose();
    other.dispose();
  });
});
