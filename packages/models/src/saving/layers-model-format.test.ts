import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import * as tfl from '@tensorflow/tfjs-layers';
import { tf } from '@dendrite/backend';
import { dense, dropout, resetUniqueNames } from '@dendrite/layers';
import { expectArraysClose, seededArray, useBackend, useTempDirs } from '@dendrite/test-utils';
import { sequential } from '../sequential';
import '../functional';
import { saveLayersModel, type LayersModelJson } from './layers-model-format';
import { loadLayersModel } from '../load-model';

const tempDir = useTempDirs('tfjs');
beforeAll(() => useBackend('cpu'));
afterEach(() => {
  resetUniqueNames();
});

const input = () => tf.tensor2d(seededArray(3 * 6, 1), [3, 6]);

it('writes model.json + weights.bin that tfjs-layers loads and predicts the same with', async () => {
  const model = sequential({ layers: [dense({ units: 8, activation: 'relu', inputShape: [6] }), dropout({ rate: 0.2 }), dense({ units: 3, activation: 'softmax' })] });
  const dir = tempDir();
  await saveLayersModel(model, dir);
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as LayersModelJson;
  expect(json.format).toBe('layers-model');
  expect(json.weightsManifest[0].weights.map((w) => w.name)).toEqual(['dense/kernel', 'dense/bias', 'dense_1/kernel', 'dense_1/bias']);
  const bin = readFileSync(join(dir, json.weightsManifest[0].paths[0]));
  const theirs = await tfl.loadLayersModel(tf.io.fromMemory(json.modelTopology as never, json.weightsManifest[0].weights as never, bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength)));
  const x = input();
  const ours = model.predict(x) as tf.Tensor;
  const fromTfjs = theirs.predict(x) as tf.Tensor;
  expectArraysClose(fromTfjs, ours, 1e-5);
  tf.dispose([x, ours, fromTfjs]);
  theirs.dispose();
  model.dispose();
});

it('loads a model tfjs-layers saved, predicting the same', async () => {
  const theirs = tfl.sequential({ layers: [tfl.layers.dense({ units: 5, activation: 'tanh', inputShape: [6] }), tfl.layers.dense({ units: 2 })] });
  const dir = tempDir();
  await theirs.save(
    tf.io.withSaveHandler(async (artifacts) => {
      writeFileSync(join(dir, 'weights.bin'), new Uint8Array(artifacts.weightData as ArrayBuffer));
      writeFileSync(join(dir, 'model.json'), JSON.stringify({ modelTopology: artifacts.modelTopology, format: 'layers-model', weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }] }));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const ours = await loadLayersModel(dir);
  const x = input();
  const a = theirs.predict(x) as tf.Tensor;
  const b = ours.predict(x) as tf.Tensor;
  expectArraysClose(b, a, 1e-5);
  tf.dispose([x, a, b]);
  theirs.dispose();
  ours.dispose();
});

it('refuses weight paths outside the folder and short weight files, naming the file', async () => {
  const model = sequential({ layers: [dense({ units: 2, inputShape: [3] })] });
  const dir = tempDir();
  await saveLayersModel(model, dir);
  const jsonPath = join(dir, 'model.json');
  const json = JSON.parse(readFileSync(jsonPath, 'utf8')) as LayersModelJson;
  writeFileSync(jsonPath, JSON.stringify({ ...json, weightsManifest: [{ ...json.weightsManifest[0], paths: ['../../etc/passwd'] }] }));
  await expect(loadLayersModel(dir)).rejects.toThrow(`Expected weight files inside "${dir}", received the path "../../etc/passwd" in "${jsonPath}"`);
  writeFileSync(jsonPath, JSON.stringify(json));
  writeFileSync(join(dir, json.weightsManifest[0].paths[0]), new Uint8Array(4));
  await expect(loadLayersModel(dir)).rejects.toThrow(`Expected 32 bytes of weights for "${jsonPath}", received 4`);
  mkdirSync(join(dir, 'empty'));
  await expect(loadLayersModel(join(dir, 'empty'))).rejects.toThrow(/Expected a TF.js model.json in/);
  model.dispose();
});

it('refuses a model.json whose manifest "shape" or a layer\'s "class_name" key is damaged, naming the file and the key (fuzz finding)', async () => {
  const model = sequential({ layers: [dense({ units: 2, inputShape: [3] })] });
  const dir = tempDir();
  await saveLayersModel(model, dir);
  const jsonPath = join(dir, 'model.json');
  const text = readFileSync(jsonPath, 'utf8');
  writeFileSync(jsonPath, text.replace('"shape"', '"shapE"'));
  await expect(loadLayersModel(dir)).rejects.toThrow(`Expected the weightsManifest key "shape" of "${(JSON.parse(text) as LayersModelJson).weightsManifest[0].weights[0].name}" in "${jsonPath}" to be a list of integers ≥ 0, received undefined`);
  writeFileSync(jsonPath, text.replace('"class_name":"Dense"', '"clas_name":"Dense"'));
  await expect(loadLayersModel(dir)).rejects.toThrow(`Expected the key "class_name" of modelTopology.config.layers[0] in "${jsonPath}" to be a string, received undefined`);
  model.dispose();
});

it('builds a Teachable Machine layout read from model.json: a Sequential head on a nested functional base, summary() included', async () => {
  const inputs = tfl.input({ shape: [6] });
  const base = tfl.model({ inputs, outputs: tfl.layers.dense({ units: 4, activation: 'relu' }).apply(inputs) as tfl.SymbolicTensor, name: 'base' });
  const head = tfl.sequential({ layers: [base, tfl.layers.dense({ units: 3 })] });
  const outer = tfl.sequential({ layers: [head, tfl.layers.dense({ units: 2, activation: 'softmax' })] });
  const dir = tempDir();
  await outer.save(`file://${dir}`).catch(async () => {
    // Without tfjs-node's file:// handler, write the artifacts the way it would.
    await outer.save(tf.io.withSaveHandler(async (artifacts) => {
      writeFileSync(join(dir, 'weights.bin'), new Uint8Array(artifacts.weightData as ArrayBuffer));
      writeFileSync(join(dir, 'model.json'), JSON.stringify({ modelTopology: artifacts.modelTopology, format: artifacts.format, weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }] }));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }) as never);
  });
  const loaded = await loadLayersModel(dir);
  const nested = loaded.layers[0] as unknown as { built: boolean; layers: Array<{ built: boolean }> };
  expect([loaded.built, nested.built, ...nested.layers.map((layer) => layer.built)]).toEqual([true, true, true, true]);
  expect(loaded.summary.bind(loaded)).not.toThrow();
  const x = input();
  const before = tf.memory().numTensors;
  const a = outer.predict(x) as tf.Tensor;
  const b = loaded.predict(x) as tf.Tensor;
  expectArraysClose(b, a, 1e-5);
  tf.dispose([a, b]);
  expect(tf.memory().numTensors).toBe(before);
  tf.dispose(x);
  outer.dispose();
  loaded.dispose();
});
