import { promises as fsPromises, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import h5wasm from 'h5wasm';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { tf } from '@dendrite/backend';
import { dense, resetUniqueNames } from '@dendrite/layers';
import { expectArraysClose, seededArray, useBackend, useTempDirs } from '@dendrite/test-utils';
import type { Model } from '../model';
import { sequential } from '../sequential';
import { loadModel } from '../load-model';

const tempDir = useTempDirs('model-io');
beforeAll(() => useBackend('cpu'));
afterEach(() => {
  vi.restoreAllMocks();
  resetUniqueNames();
});

function mlp(units = 5): Model {
  const model = sequential({ layers: [dense({ units, activation: 'relu', inputShape: [3] }), dense({ units: 2 })] });
  model.compile({ optimizer: 'adam', loss: 'mse' });
  return model;
}

async function trained(): Promise<Model> {
  const model = mlp();
  const x = { values: seededArray(8 * 3, 1), shape: [8, 3] };
  const y = { values: seededArray(8 * 2, 2), shape: [8, 2] };
  await model.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0 });
  return model;
}

function expectSamePredictions(a: Model, b: Model): void {
  const input = tf.tensor2d(seededArray(4 * 3, 3), [4, 3]);
  const [pa, pb] = [a.predict(input) as tf.Tensor, b.predict(input) as tf.Tensor];
  expectArraysClose(pb, pa, 0);
  tf.dispose([input, pa, pb]);
}

it('loads a Dendrite archive from its bytes, as a .keras or .h5 file', async () => {
  const model = await trained();
  const path = join(tempDir(), 'model.dndr');
  await model.save(path);
  const bytes = new Uint8Array(readFileSync(path));
  for (const source of [bytes, bytes.slice().buffer]) {
    const loaded = await loadModel(source);
    expectSamePredictions(model, loaded);
    expect(loaded.compiled?.optimizer.iterations).toBe(2);
    loaded.dispose();
  }
  await expect(loadModel(bytes.subarray(0, 40))).rejects.toThrow(/Expected a Dendrite archive in "the given bytes", received a truncated file/);
  model.dispose();
});

it('reads a Dendrite file once: the bytes that told its format are the ones loaded', async () => {
  const model = await trained();
  const path = join(tempDir(), 'model.dndr');
  await model.save(path);
  const readFile = vi.spyOn(fsPromises, 'readFile');
  const loaded = await loadModel(path);
  await loaded.loadWeights(path);
  expect(readFile.mock.calls.map(([file]) => file)).toEqual([path, path]);
  expectSamePredictions(model, loaded);
  model.dispose();
  loaded.dispose();
});

/** Spies on h5wasm opening and closing the files `readHdf5` makes. */
async function spyOnHdf5Reads() {
  const module = (await h5wasm.ready) as unknown as { open(name: string, ...rest: unknown[]): bigint; close_file(id: bigint): number; FS: { readdir(path: string): string[] } };
  const open = vi.spyOn(module, 'open');
  const close = vi.spyOn(module, 'close_file');
  const reads = () => open.mock.calls.filter(([name]) => name.startsWith('/dendrite-read-')).length;
  const left = () => module.FS.readdir('/').filter((name) => name.startsWith('dendrite-read-'));
  return { reads, closes: () => close.mock.calls.length, left };
}

it('opens an .h5 once to tell Keras 2 weights from Keras 3 and load them, and closes it on every path', async () => {
  const model = await trained();
  const dir = tempDir();
  const legacy = join(dir, 'legacy.h5');
  const keras3 = join(dir, 'keras3.weights.h5');
  await model.saveWeights(legacy);
  await model.saveWeights(keras3);
  const spy = await spyOnHdf5Reads();
  for (const path of [legacy, keras3]) {
    resetUniqueNames();
    const other = mlp();
    await other.loadWeights(path);
    expectSamePredictions(model, other);
    other.dispose();
  }
  expect([spy.reads(), spy.closes()]).toEqual([2, 2]);

  resetUniqueNames();
  const wider = mlp(6);
  await expect(wider.loadWeights(legacy)).rejects.toThrow(/Expected weight "dense\/kernel" of shape \[3,6\]/);
  await expect(wider.loadWeights(keras3)).rejects.toThrow(/Expected weight "dense\/kernel" of shape \[3,6\]/);
  expect([spy.reads(), spy.closes()]).toEqual([4, 4]);

  const damaged = join(dir, 'damaged.h5');
  writeFileSync(damaged, readFileSync(legacy).subarray(0, 600));
  await expect(wider.loadWeights(damaged)).rejects.toThrow(/Expected an HDF5 file in ".*damaged\.h5", received bytes HDF5 cannot open/);
  expect([spy.reads(), spy.closes()]).toEqual([5, 4]);
  expect(spy.left()).toEqual([]);
  model.dispose();
  wider.dispose();
});
