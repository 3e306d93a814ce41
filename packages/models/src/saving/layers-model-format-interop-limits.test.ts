import { afterEach, beforeAll, expect, it } from 'vitest';
import * as tfl from '@tensorflow/tfjs-layers';
import { tf } from '@dendrite/backend';
import * as L from '@dendrite/layers';
import { useBackend } from '@dendrite/test-utils';
import type { Model } from '../model';
import { toModelArtifacts } from './layers-model-format';
import { loadLayersModel } from '../load-model';
import { flat, image, ours, sequence } from '../testing/tfjs-interop';

// Keras 3 options tfjs-layers 4.22 cannot represent: Dendrite still saves and reloads them as model.json,
// and tfjs-layers refuses the file instead of computing something else.
beforeAll(() => useBackend('cpu'));
afterEach(() => L.resetUniqueNames());

const img = [6, 6, 2];
const seq = [5, 3];
type Limit = [label: string, build: () => Model, inputs: () => tf.Tensor, refusal: RegExp];
const LIMITS: Limit[] = [
  ['UpSampling2D bilinear (tfjs-layers: no half-pixel centers)', ours(() => L.upSampling2d({ size: 2, interpolation: 'bilinear' }), img), image(), /Dendrite>UpSampling2D/],
  ['Resizing (tfjs-layers: aligned corners)', ours(() => L.resizing({ height: 4, width: 3 }), img), image(), /Dendrite>Resizing/],
  ['ReLU with negative_slope and threshold', ours(() => L.reLU({ negativeSlope: 0.1, threshold: 0.2 }), [4]), flat(), /Dendrite>ReLU/],
  ['LSTM with hard_sigmoid (Keras 3 function)', ours(() => L.lstm({ units: 3, recurrentActivation: 'hard_sigmoid' }), seq), sequence(), /Dendrite>LSTM/],
  ['Bidirectional with its own backward layer', ours(() => L.bidirectional({ layer: L.simpleRNN({ units: 2 }), backwardLayer: L.simpleRNN({ units: 3, goBackwards: true }) }), seq), sequence(), /Dendrite>Bidirectional/],
  ['GRU with reset_after (Keras 3 default)', ours(() => L.gru({ units: 3 }), seq), sequence(), /reset_after/],
];

it.each(LIMITS)('%s: tfjs-layers refuses the model.json, Dendrite reloads it', async (_label, build, inputs, refusal) => {
  const before = tf.memory().numTensors;
  const model = build();
  const artifacts = toModelArtifacts(model);
  await expect(tfl.loadLayersModel(tf.io.fromMemory(artifacts))).rejects.toThrow(refusal);
  const reloaded = await loadLayersModel(tf.io.fromMemory(artifacts));
  const x = inputs();
  const expected = model.predict(x) as tf.Tensor;
  const actual = reloaded.predict(x) as tf.Tensor;
  expect(Array.from(actual.dataSync())).toEqual(Array.from(expected.dataSync()));
  tf.dispose([x, expected, actual]);
  reloaded.dispose();
  model.dispose();
  expect(tf.memory().numTensors).toBe(before);
});
