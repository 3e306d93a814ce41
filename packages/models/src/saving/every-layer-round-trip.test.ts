import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import * as L from '@dendrite/layers';
import { expectArraysClose, seededArray, useBackend } from '@dendrite/test-utils';
import { model as functionalModel } from '../functional';
import type { Model } from '../model';
import { sequential } from '../sequential';
import { loadModel } from '../load-model';

type Case = [label: string, build: () => Model, inputs: () => tf.Tensor | tf.Tensor[]];

const image = (h = 6, w = 6, c = 2) => () => tf.tensor4d(seededArray(2 * h * w * c, 1), [2, h, w, c]);
const sequence = (t = 5, f = 3) => () => tf.tensor3d(seededArray(2 * t * f, 2), [2, t, f]);
const flat = (n = 4) => () => tf.tensor2d(seededArray(2 * n, 3), [2, n]);
const one = (layer: () => L.Layer, shape: number[]) => () => sequential({ layers: [L.inputLayer({ shape }), layer()] });
const merge = (layer: () => L.Layer) => () => {
  const a = L.input({ shape: [3] });
  const b = L.input({ shape: [3] });
  return functionalModel({ inputs: [a, b], outputs: layer().apply([a, b]) as never });
};
const pair = () => [tf.tensor2d(seededArray(6, 4), [2, 3]), tf.tensor2d(seededArray(6, 5), [2, 3])];

/** A model for every layer Dendrite registers (cells through the RNN layers that hold them). */
const CASES: Case[] = [
  ['Dense', one(() => L.dense({ units: 3, activation: 'tanh', kernelRegularizer: 'l2', kernelConstraint: 'max_norm' }), [4]), flat()],
  ['Conv1D', one(() => L.conv1d({ filters: 2, kernelSize: 2, padding: 'same' }), [5, 3]), sequence()],
  ['Conv2D', one(() => L.conv2d({ filters: 3, kernelSize: 3, strides: 2, activation: 'relu' }), [6, 6, 2]), image()],
  ['Conv2DTranspose', one(() => L.conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same' }), [6, 6, 2]), image()],
  ['DepthwiseConv2D', one(() => L.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2 }), [6, 6, 2]), image()],
  ['SeparableConv2D', one(() => L.separableConv2d({ filters: 3, kernelSize: 3 }), [6, 6, 2]), image()],
  ['BatchNormalization', one(() => L.batchNormalization({}), [4]), flat()],
  ['LayerNormalization', one(() => L.layerNormalization({}), [5, 3]), sequence()],
  ['Embedding', one(() => L.embedding({ inputDim: 10, outputDim: 4 }), [5]), () => tf.tensor2d([1, 2, 3, 4, 9, 0, 5, 6, 7, 8], [2, 5])],
  ['SimpleRNN', one(() => L.simpleRNN({ units: 4, returnSequences: true }), [5, 3]), sequence()],
  ['LSTM', one(() => L.lstm({ units: 4 }), [5, 3]), sequence()],
  ['GRU', one(() => L.gru({ units: 4 }), [5, 3]), sequence()],
  ['Bidirectional', one(() => L.bidirectional({ layer: L.lstm({ units: 3, returnSequences: true }) }), [5, 3]), sequence()],
  ['RNN(LSTMCell)', one(() => L.rnn({ cell: L.lstmCell({ units: 3 }) }), [5, 3]), sequence()],
  ['RNN(GRUCell)', one(() => L.rnn({ cell: L.gruCell({ units: 3 }) }), [5, 3]), sequence()],
  ['RNN(SimpleRNNCell)', one(() => L.rnn({ cell: L.simpleRNNCell({ units: 3 }) }), [5, 3]), sequence()],
  ['Activation', one(() => L.activation({ activation: 'softplus' }), [4]), flat()],
  ['ReLU', one(() => L.reLU({ maxValue: 0.5 }), [4]), flat()],
  ['Softmax', one(() => L.softmax({}), [4]), flat()],
  ['LeakyReLU', one(() => L.leakyReLU({}), [4]), flat()],
  ['PReLU', one(() => L.pReLU({}), [4]), flat()],
  ['ThresholdedReLU', one(() => L.thresholdedReLU({ theta: 0.1 }), [4]), flat()],
  ['ELU', one(() => L.elu({}), [4]), flat()],
  ['Add', merge(() => L.add()), pair],
  ['Subtract', merge(() => L.subtract()), pair],
  ['Multiply', merge(() => L.multiply()), pair],
  ['Average', merge(() => L.average()), pair],
  ['Maximum', merge(() => L.maximum()), pair],
  ['Minimum', merge(() => L.minimum()), pair],
  ['Concatenate', merge(() => L.concatenate()), pair],
  ['Dot', merge(() => L.dot({ axes: 1 })), pair],
  ['Resizing', one(() => L.resizing({ height: 4, width: 3 }), [6, 6, 2]), image()],
  ['Rescaling', one(() => L.rescaling({ scale: 0.5, offset: 1 }), [6, 6, 2]), image()],
  ['CenterCrop', one(() => L.centerCrop({ height: 4, width: 4 }), [6, 6, 2]), image()],
  ['RandomFlip', one(() => L.randomFlip({}), [6, 6, 2]), image()],
  ['RandomRotation', one(() => L.randomRotation({ factor: 0.1 }), [6, 6, 2]), image()],
  ['RandomTranslation', one(() => L.randomTranslation({ heightFactor: 0.1, widthFactor: 0.1 }), [6, 6, 2]), image()],
  ['RandomZoom', one(() => L.randomZoom({ heightFactor: 0.1 }), [6, 6, 2]), image()],
  ['RandomContrast', one(() => L.randomContrast({ factor: 0.2 }), [6, 6, 2]), image()],
  ['Dropout', one(() => L.dropout({ rate: 0.3 }), [4]), flat()],
  ['AlphaDropout', one(() => L.alphaDropout({ rate: 0.3 }), [4]), flat()],
  ['GaussianNoise', one(() => L.gaussianNoise({ stddev: 0.3 }), [4]), flat()],
  ['GaussianDropout', one(() => L.gaussianDropout({ rate: 0.3 }), [4]), flat()],
  ['SpatialDropout1D', one(() => L.spatialDropout1d({ rate: 0.3 }), [5, 3]), sequence()],
  ['SpatialDropout2D', one(() => L.spatialDropout2d({ rate: 0.3 }), [6, 6, 2]), image()],
  ['ZeroPadding1D', one(() => L.zeroPadding1d({ padding: 1 }), [5, 3]), sequence()],
  ['ZeroPadding2D', one(() => L.zeroPadding2d({ padding: [1, 2] }), [6, 6, 2]), image()],
  ['Cropping1D', one(() => L.cropping1d({ cropping: [1, 1] }), [5, 3]), sequence()],
  ['Cropping2D', one(() => L.cropping2d({ cropping: 1 }), [6, 6, 2]), image()],
  ['UpSampling1D', one(() => L.upSampling1d({ size: 2 }), [5, 3]), sequence()],
  ['UpSampling2D', one(() => L.upSampling2d({ size: 2, interpolation: 'bilinear' }), [6, 6, 2]), image()],
  ['Permute', one(() => L.permute({ dims: [2, 1] }), [5, 3]), sequence()],
  ['Reshape', one(() => L.reshape({ targetShape: [3, 5] }), [5, 3]), sequence()],
  ['Flatten', one(() => L.flatten(), [5, 3]), sequence()],
  ['RepeatVector', one(() => L.repeatVector({ n: 2 }), [4]), flat()],
  ['MaxPooling1D', one(() => L.maxPooling1d({ poolSize: 2 }), [5, 3]), sequence()],
  ['AveragePooling1D', one(() => L.averagePooling1d({ poolSize: 2, padding: 'same' }), [5, 3]), sequence()],
  ['MaxPooling2D', one(() => L.maxPooling2d({ poolSize: 2 }), [6, 6, 2]), image()],
  ['AveragePooling2D', one(() => L.averagePooling2d({ poolSize: 3, strides: 1, padding: 'same' }), [6, 6, 2]), image()],
  ['GlobalMaxPooling1D', one(() => L.globalMaxPooling1d(), [5, 3]), sequence()],
  ['GlobalAveragePooling1D', one(() => L.globalAveragePooling1d(), [5, 3]), sequence()],
  ['GlobalMaxPooling2D', one(() => L.globalMaxPooling2d(), [6, 6, 2]), image()],
  ['GlobalAveragePooling2D', one(() => L.globalAveragePooling2d(), [6, 6, 2]), image()],
];

/** Weights drawn away from their initial values (positive, so BatchNorm's variance stays valid). */
function randomizeWeights(model: Model): void {
  const values = model.weights.map((weight, i) => tf.tensor(seededArray(weight.shape.reduce((a, b) => a * b, 1), 100 + i).map((v) => 0.75 + 0.5 * v), weight.shape));
  model.setWeights(values);
  tf.dispose(values);
}

let dir = '';
beforeAll(() => {
  useBackend('cpu');
  dir = mkdtempSync(join(tmpdir(), 'dendrite-every-layer-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(['keras', 'h5', 'model.json'])('every layer through %s', (format) => {
  it.each(CASES)('%s: same config and predictions after reload', async (label, build, inputs) => {
    L.resetUniqueNames();
    const original = build();
    randomizeWeights(original);
    const path = format === 'model.json' ? join(dir, label, 'model.json') : join(dir, `${label}.${format}`);
    await original.save(path);
    const loaded = await loadModel(path);
    // TF.js's topology carries a Sequential's input shape on its first layer, as tfjs-layers writes it.
    const config = (model: Model) => JSON.parse(JSON.stringify(L.serializeLayer(model), (key, value) => (format === 'model.json' && key === 'batch_input_shape' ? undefined : value)));
    if (format === 'keras' && label === 'ThresholdedReLU') {
      // Keras 3 has no ThresholdedReLU: .keras holds the ReLU with a threshold its guide names.
      expect(loaded.layers[0]).toMatchObject({ className: 'ReLU', threshold: 0.1 });
    } else {
      expect(config(loaded)).toEqual(config(original));
    }
    const x = inputs();
    const before = tf.memory().numTensors;
    const a = original.predict(x) as tf.Tensor;
    const b = loaded.predict(x) as tf.Tensor;
    expectArraysClose(b, a, 1e-6);
    tf.dispose([a, b]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(x);
    original.dispose();
    loaded.dispose();
  });
});
