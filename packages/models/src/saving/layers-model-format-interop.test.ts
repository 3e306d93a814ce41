import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import * as tfl from '@tensorflow/tfjs-layers';
import { tf } from '@dendrite/backend';
import { batchNormalization, concatenate, dense, dropout, input, resetUniqueNames } from '@dendrite/layers';
import { expectArraysClose, seededArray, useBackend, useTempDirs } from '@dendrite/test-utils';
import { model as functionalModel } from '../functional';
import type { Model } from '../model';
import { sequential } from '../sequential';
import { type LayersModelJson, saveLayersModel } from './layers-model-format';
import { loadLayersModel } from '../load-model';

// tfjs-layers runs on the tfjs-core Dendrite re-exports, so both libraries share one engine and backend.
const tempDir = useTempDirs('tfjs-interop');
beforeAll(() => useBackend('cpu'));
afterEach(() => resetUniqueNames());

/** Weights away from their initial values (positive, so BatchNorm's moving variance stays valid). */
function randomizeWeights(model: Model): void {
  const values = model.weights.map((weight, i) => tf.tensor(seededArray(tf.util.sizeFromShape(weight.shape), 50 + i).map((v) => 0.75 + 0.5 * v), weight.shape));
  model.setWeights(values);
  tf.dispose(values);
}

/** tfjs-layers' `loadLayersModel` on the files {@link saveLayersModel} wrote, through `tf.io.fromMemory`. */
async function loadWithTfjsLayers(directory: string): Promise<tfl.LayersModel> {
  const json = JSON.parse(readFileSync(join(directory, 'model.json'), 'utf8')) as LayersModelJson;
  const bin = readFileSync(join(directory, json.weightsManifest[0].paths[0]));
  return tfl.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0].weights as tf.io.WeightsManifestEntry[],
      weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
    }),
  );
}

const rows = 3;
const batchOf = (size: number, seed: number) => tf.tensor2d(seededArray(rows * size, seed), [rows, size]);

/** The wide-and-deep model of Géron's chapter 10: the wide input joins the deep path before the output. */
function wideAndDeep(): Model {
  const wide = input({ shape: [5], name: 'wide_input' });
  const deep = input({ shape: [6], name: 'deep_input' });
  const hidden1 = dense({ units: 30, activation: 'relu' }).apply(deep);
  const hidden2 = dense({ units: 30, activation: 'relu' }).apply(hidden1);
  const merged = concatenate().apply([wide, hidden2]);
  return functionalModel({ name: 'wide_and_deep', inputs: [wide, deep], outputs: dense({ units: 1 }).apply(merged) as never });
}

function singleInput(): Model {
  const features = input({ shape: [6] });
  const hidden = dense({ units: 8, activation: 'relu' }).apply(features);
  const normalized = batchNormalization({}).apply(hidden);
  const dropped = dropout({ rate: 0.2 }).apply(normalized);
  return functionalModel({ inputs: features, outputs: dense({ units: 3, activation: 'softmax' }).apply(dropped) as never });
}

function plainSequential(): Model {
  return sequential({ layers: [dense({ units: 8, activation: 'tanh', inputShape: [6] }), dropout({ rate: 0.2 }), dense({ units: 2 })] });
}

/** A Sequential with an input shape and a functional model, each called inside a functional model. */
function nestedModels(): Model {
  const features = input({ shape: [6] });
  const block = sequential({ layers: [dense({ units: 5, activation: 'relu', inputShape: [6] }), dense({ units: 4 })] });
  const innerInput = input({ shape: [4] });
  const head = functionalModel({ name: 'head', inputs: innerInput, outputs: dense({ units: 2, activation: 'tanh' }).apply(innerInput) as never });
  return functionalModel({ inputs: features, outputs: head.apply(block.apply(features) as never) as never });
}

type Case = [label: string, build: () => Model, inputs: () => tf.Tensor | tf.Tensor[]];
const CASES: Case[] = [
  ['functional with two inputs and a Concatenate (wide and deep)', wideAndDeep, () => [batchOf(5, 1), batchOf(6, 2)]],
  ['functional with a single input', singleInput, () => batchOf(6, 3)],
  ['Sequential', plainSequential, () => batchOf(6, 4)],
  ['functional calling a Sequential and a functional model', nestedModels, () => batchOf(6, 7)],
];

it.each(CASES)('a %s saved by Dendrite loads in tfjs-layers and in Dendrite, predicting the same', async (_label, build, inputs) => {
  const before = tf.memory().numTensors;
  const ours = build();
  randomizeWeights(ours);
  const directory = tempDir();
  await saveLayersModel(ours, directory);
  const theirs = await loadWithTfjsLayers(directory);
  const reloaded = await loadLayersModel(directory);
  const x = inputs();
  const expected = ours.predict(x) as tf.Tensor;
  const fromTfjs = theirs.predict(x) as tf.Tensor;
  const fromReload = reloaded.predict(x) as tf.Tensor;
  expectArraysClose(fromTfjs, expected, 1e-5);
  expectArraysClose(fromReload, expected, 1e-5);
  tf.dispose([x, expected, fromTfjs, fromReload]);
  theirs.dispose();
  reloaded.dispose();
  ours.dispose();
  expect(tf.memory().numTensors).toBe(before);
});

it('writes a functional topology as tfjs-layers does: batch_input_shape on InputLayers, only the keys it reads', async () => {
  const before = tf.memory().numTensors;
  const ours = wideAndDeep();
  const directory = tempDir();
  await saveLayersModel(ours, directory);
  const { modelTopology } = JSON.parse(readFileSync(join(directory, 'model.json'), 'utf8')) as LayersModelJson;
  expect(Object.keys(modelTopology.config)).toEqual(['name', 'layers', 'input_layers', 'output_layers']);
  const layers = modelTopology.config.layers as Array<{ class_name: string; name: string; config: Record<string, unknown>; inbound_nodes: unknown[] }>;
  const inputLayers = layers.filter((layer) => layer.class_name === 'InputLayer');
  expect(inputLayers.map((layer) => layer.config)).toEqual([
    { batch_input_shape: [null, 6], dtype: 'float32', sparse: false, name: 'deep_input' },
    { batch_input_shape: [null, 5], dtype: 'float32', sparse: false, name: 'wide_input' },
  ]);
  expect(layers.find((layer) => layer.class_name === 'Concatenate')?.inbound_nodes).toEqual([
    [
      ['wide_input', 0, 0, {}],
      ['dense_1', 0, 0, {}],
    ],
  ]);
  expect(modelTopology.config.input_layers).toEqual([
    ['wide_input', 0, 0],
    ['deep_input', 0, 0],
  ]);
  expect(modelTopology.config.output_layers).toEqual([['dense_2', 0, 0]]);
  ours.dispose();
  expect(tf.memory().numTensors).toBe(before);
});

it('loads a functional model tfjs-layers saved, predicting the same', async () => {
  const before = tf.memory().numTensors;
  const wide = tfl.input({ shape: [5] });
  const deep = tfl.input({ shape: [6] });
  const hidden = tfl.layers.dense({ units: 30, activation: 'relu' }).apply(deep) as tfl.SymbolicTensor;
  const merged = tfl.layers.concatenate().apply([wide, hidden]) as tfl.SymbolicTensor;
  const output = tfl.layers.dense({ units: 1 }).apply(merged) as tfl.SymbolicTensor;
  const theirs = tfl.model({ inputs: [wide, deep], outputs: output });
  let saved: tf.io.ModelArtifacts | undefined;
  await theirs.save(tf.io.withSaveHandler(async (artifacts) => ((saved = artifacts), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
  expect(saved?.modelTopology).toMatchObject({ class_name: 'Model' });
  const ours = await loadLayersModel(tf.io.fromMemory(saved!));
  const x = [batchOf(5, 5), batchOf(6, 6)];
  const expected = theirs.predict(x) as tf.Tensor;
  const actual = ours.predict(x) as tf.Tensor;
  expectArraysClose(actual, expected, 1e-5);
  tf.dispose([...x, expected, actual]);
  theirs.dispose();
  ours.dispose();
  expect(tf.memory().numTensors).toBe(before);
});

it('loads a functional model tfjs-layers saved with a Sequential inside, predicting the same', async () => {
  const before = tf.memory().numTensors;
  const features = tfl.input({ shape: [6] });
  const block = tfl.sequential({ layers: [tfl.layers.dense({ units: 5, activation: 'relu', inputShape: [6] }), tfl.layers.dense({ units: 4 })] });
  const output = tfl.layers.dense({ units: 2 }).apply(block.apply(features)) as tfl.SymbolicTensor;
  const theirs = tfl.model({ inputs: features, outputs: output });
  let saved: tf.io.ModelArtifacts | undefined;
  await theirs.save(tf.io.withSaveHandler(async (artifacts) => ((saved = artifacts), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
  // tfjs-layers builds the Sequential when it is made (node 0), so its call here is node 1.
  expect(JSON.stringify(saved?.modelTopology)).toContain(`[["${block.name}",1,0,{}]]`);
  const ours = await loadLayersModel(tf.io.fromMemory(saved!));
  const x = batchOf(6, 8);
  const expected = theirs.predict(x) as tf.Tensor;
  const actual = ours.predict(x) as tf.Tensor;
  expectArraysClose(actual, expected, 1e-5);
  tf.dispose([x, expected, actual]);
  theirs.dispose();
  ours.dispose();
  expect(tf.memory().numTensors).toBe(before);
});
