import { expect } from 'vitest';
import * as tfl from '@tensorflow/tfjs-layers';
import { tf } from '@dendrite/backend';
import * as L from '@dendrite/layers';
import { expectArraysClose, seededArray } from '@dendrite/test-utils';
import { model as functionalModel } from '../functional';
import type { Model } from '../model';
import { sequential } from '../sequential';
import { toModelArtifacts } from '../saving/layers-model-format';
import { loadLayersModel } from '../load-model';

/** One layer type built in each library, and inputs for it. Test support for the tfjs interop tests. */
export type InteropCase = [label: string, ours: () => Model, theirs: () => tfl.LayersModel, inputs: () => tf.Tensor | tf.Tensor[]];

export const image = (h = 6, w = 6, c = 2) => () => tf.tensor4d(seededArray(2 * h * w * c, 1), [2, h, w, c]);
export const sequence = (t = 5, f = 3) => () => tf.tensor3d(seededArray(2 * t * f, 2), [2, t, f]);
export const flat = (n = 4) => () => tf.tensor2d(seededArray(2 * n, 3), [2, n]);
export const pair = () => [tf.tensor2d(seededArray(6, 4), [2, 3]), tf.tensor2d(seededArray(6, 5), [2, 3])];

/** A Sequential of one Dendrite layer on inputs of `shape`. */
export const ours = (layer: () => L.Layer, shape: number[]) => () => sequential({ layers: [L.inputLayer({ shape }), layer()] });

/** A Sequential of one tfjs-layers layer on inputs of `shape`. */
export const theirs = (layer: (inputShape: number[]) => tfl.layers.Layer, shape: number[]) => () => tfl.sequential({ layers: [layer(shape)] });

/** A functional model merging two inputs of 3 features with a Dendrite layer. */
export const ourMerge = (layer: () => L.Layer) => () => {
  const a = L.input({ shape: [3] });
  const b = L.input({ shape: [3] });
  return functionalModel({ inputs: [a, b], outputs: layer().apply([a, b]) as never });
};

/** A functional model merging two inputs of 3 features with a tfjs-layers layer. */
export const theirMerge = (layer: () => tfl.layers.Layer) => () => {
  const a = tfl.input({ shape: [3] });
  const b = tfl.input({ shape: [3] });
  return tfl.model({ inputs: [a, b], outputs: layer().apply([a, b]) as tfl.SymbolicTensor });
};

/** Weights away from their initial values (positive, so BatchNorm's moving variance stays valid). */
const randomValues = (shapes: number[][]) => shapes.map((shape, i) => tf.tensor(seededArray(tf.util.sizeFromShape(shape), 100 + i).map((v) => 0.75 + 0.5 * v), shape));

/** tfjs-layers' artifacts of a model, as `model.save` hands them to an IO handler. */
async function savedByTfjs(model: tfl.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler(async (artifacts) => ((saved = artifacts), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
  return saved!;
}

/** Predictions of two models on the same inputs, equal within 1e-5 (inference mode), with no tensor left behind. */
function expectSamePredictions(expected: { predict(x: never): unknown }, actual: { predict(x: never): unknown }, inputs: () => tf.Tensor | tf.Tensor[]): void {
  const x = inputs();
  const a = expected.predict(x as never) as tf.Tensor;
  const b = actual.predict(x as never) as tf.Tensor;
  expect(b.shape).toEqual(a.shape);
  expectArraysClose(b, a, 1e-5);
  tf.dispose([x as tf.Tensor, a, b].flat());
}

/** Dendrite's model.json (its artifacts) loaded by tfjs-layers predicts as the Dendrite model does. */
export async function expectTfjsLoadsOurs(build: () => Model, inputs: () => tf.Tensor | tf.Tensor[]): Promise<void> {
  const before = tf.memory().numTensors;
  L.resetUniqueNames();
  const model = build();
  const values = randomValues(model.weights.map((weight) => [...weight.shape]));
  model.setWeights(values);
  tf.dispose(values);
  const loaded = await tfl.loadLayersModel(tf.io.fromMemory(toModelArtifacts(model)));
  expectSamePredictions(model, loaded, inputs);
  loaded.dispose();
  model.dispose();
  expect(tf.memory().numTensors).toBe(before);
}

/** tfjs-layers' saved model loaded by Dendrite's `loadLayersModel` predicts as the tfjs-layers model does. */
export async function expectWeLoadTfjs(build: () => tfl.LayersModel, inputs: () => tf.Tensor | tf.Tensor[]): Promise<void> {
  const before = tf.memory().numTensors;
  const model = build();
  const values = randomValues(model.weights.map((weight) => weight.shape as number[]));
  model.setWeights(values);
  tf.dispose(values);
  const loaded = await loadLayersModel(tf.io.fromMemory(await savedByTfjs(model)));
  expectSamePredictions(model, loaded, inputs);
  loaded.dispose();
  model.dispose();
  expect(tf.memory().numTensors).toBe(before);
}
