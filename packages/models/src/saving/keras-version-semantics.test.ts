import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { batchNormalization, conv2d, gru, lstm, resetUniqueNames } from '@dendrite/layers';
import { expectArraysClose, seededArray, useBackend, useTempDirs } from '@dendrite/test-utils';
import { sequential } from '../sequential';
import { writeArray, writeHdf5, writeNameList } from './hdf5';
import { isKeras2Version, withKerasVersionSemantics } from './keras-version-semantics';
import { loadModel } from '../load-model';

const tempDir = useTempDirs('keras-version');
beforeAll(() => useBackend('cpu'));
afterEach(() => resetUniqueNames());

type Weights = Array<[string, Float32Array, number[]]>;

/** A one-layer Sequential laid out as Keras 2's `model.save('x.h5')` writes it. */
async function keras2File(kerasVersion: string | null, inputShape: Array<number | null>, layer: { class_name: string; config: Record<string, unknown> }, weights: Weights, backend = 'tensorflow'): Promise<string> {
  const name = layer.config.name as string;
  const modelConfig = { class_name: 'Sequential', config: { name: 'sequential', layers: [{ class_name: 'InputLayer', config: { batch_input_shape: inputShape, dtype: 'float32', name: 'input_1' } }, layer] } };
  const bytes = await writeHdf5((file) => {
    file.create_attribute('backend', backend);
    if (kerasVersion !== null) file.create_attribute('keras_version', kerasVersion);
    file.create_attribute('model_config', JSON.stringify(modelConfig));
    const group = file.create_group('model_weights');
    writeNameList(group, 'layer_names', [name]);
    const layerGroup = group.create_group(name);
    writeNameList(layerGroup, 'weight_names', weights.map(([weightName]) => `${name}/${weightName}:0`));
    for (const [weightName, values, shape] of weights) writeArray(layerGroup, `${name}/${weightName}:0`, { values, shape, dtype: 'float32' });
  }, 'fixture');
  const path = join(tempDir(), `${name}-${kerasVersion ?? 'none'}-${backend}.h5`);
  writeFileSync(path, bytes);
  return path;
}

function predict(model: { predict(x: tf.Tensor): unknown; dispose(): void }, x: tf.Tensor): number[] {
  const y = model.predict(x) as tf.Tensor;
  const values = Array.from(y.dataSync());
  y.dispose();
  model.dispose();
  return values;
}

it('tells Keras 2 versions (and files without one) from Keras 3 and Dendrite', () => {
  expect(['2.0.4', '2.2.4-tf', '2.12.0', undefined].map(isKeras2Version)).toEqual([true, true, true, true]);
  expect(['3.0.0', '3.13.1', 'dendrite'].map(isKeras2Version)).toEqual([false, false, false]);
  const config = { class_name: 'LSTM', config: { recurrent_activation: 'hard_sigmoid', activation: 'tanh' } };
  expect(withKerasVersionSemantics(config, '3.1.0')).toBe(config);
  expect(withKerasVersionSemantics(config, '2.2.4')).toEqual({ class_name: 'LSTM', config: { recurrent_activation: 'legacy_hard_sigmoid', activation: 'tanh' } });
});

it('computes hard_sigmoid as 0.2x + 0.5 clipped in a Keras 2 file and as x/6 + 0.5 clipped in a Keras 3 file', async () => {
  const before = tf.memory().numTensors;
  const dense = { class_name: 'Dense', config: { name: 'dense', units: 3, activation: 'hard_sigmoid', use_bias: false } };
  const identity = Float32Array.of(1, 0, 0, 0, 1, 0, 0, 0, 1);
  const x = tf.tensor2d([[-1, 2, 4]]);
  const keras2 = predict(await loadModel(await keras2File('2.2.4', [null, 3], dense, [['kernel', identity, [3, 3]]])), x);
  const keras3 = predict(await loadModel(await keras2File('3.3.3', [null, 3], dense, [['kernel', identity, [3, 3]]])), x);
  expectArraysClose(keras2, [0.3, 0.9, 1], 1e-6);
  expectArraysClose(keras3, [-1 / 6 + 0.5, 2 / 6 + 0.5, 1], 1e-6);
  x.dispose();
  expect(tf.memory().numTensors).toBe(before);
});

it('reads a Keras 2.0 GRU (no reset_after key, one bias vector) as reset_after: false', async () => {
  const before = tf.memory().numTensors;
  const units = 2;
  const kernel = Float32Array.from(seededArray(3 * 3 * units, 1));
  const recurrent = Float32Array.from(seededArray(units * 3 * units, 2));
  const bias = Float32Array.from(seededArray(3 * units, 3));
  const layer = { class_name: 'GRU', config: { name: 'gru', units, activation: 'tanh', recurrent_activation: 'sigmoid', use_bias: true, return_sequences: false } };
  const loaded = await loadModel(await keras2File('2.0.4', [null, 4, 3], layer, [['kernel', kernel, [3, 3 * units]], ['recurrent_kernel', recurrent, [units, 3 * units]], ['bias', bias, [3 * units]]]));
  const reference = sequential({ layers: [gru({ units, inputShape: [4, 3], resetAfter: false, recurrentActivation: 'sigmoid' })] });
  const weights = [tf.tensor2d(kernel, [3, 3 * units]), tf.tensor2d(recurrent, [units, 3 * units]), tf.tensor1d(bias)];
  reference.setWeights(weights);
  const x = tf.tensor3d(seededArray(2 * 4 * 3, 4), [2, 4, 3]);
  expectArraysClose(predict(loaded, x), predict(reference, x), 1e-6);
  tf.dispose([...weights, x]);
  expect(tf.memory().numTensors).toBe(before);
});

it('loads TF 2.0-alpha class names (UnifiedLSTM, UnifiedGRU, BatchNormalizationV1/V2) as the layers they became', async () => {
  const before = tf.memory().numTensors;
  const units = 2;
  const x = tf.tensor3d(seededArray(2 * 4 * 3, 5), [2, 4, 3]);
  const lstmWeights: Weights = [['kernel', Float32Array.from(seededArray(12 * units, 6)), [3, 4 * units]], ['recurrent_kernel', Float32Array.from(seededArray(4 * units * units, 7)), [units, 4 * units]], ['bias', Float32Array.from(seededArray(4 * units, 8)), [4 * units]]];
  const unifiedLstm = await loadModel(await keras2File('2.2.4-tf', [null, 4, 3], { class_name: 'UnifiedLSTM', config: { name: 'unified_lstm', units, recurrent_activation: 'sigmoid' } }, lstmWeights));
  const referenceLstm = sequential({ layers: [lstm({ units, inputShape: [4, 3] })] });
  const lstmTensors = lstmWeights.map(([, values, shape]) => tf.tensor(values, shape));
  referenceLstm.setWeights(lstmTensors);
  expect(unifiedLstm.layers[0].className).toBe('LSTM');
  expectArraysClose(predict(unifiedLstm, x), predict(referenceLstm, x), 1e-6);

  const gruWeights: Weights = [['kernel', Float32Array.from(seededArray(9 * units, 9)), [3, 3 * units]], ['recurrent_kernel', Float32Array.from(seededArray(3 * units * units, 10)), [units, 3 * units]], ['bias', Float32Array.from(seededArray(6 * units, 11)), [2, 3 * units]]];
  const unifiedGru = await loadModel(await keras2File('2.2.4-tf', [null, 4, 3], { class_name: 'UnifiedGRU', config: { name: 'unified_gru', units, recurrent_activation: 'sigmoid', reset_after: true } }, gruWeights));
  const referenceGru = sequential({ layers: [gru({ units, inputShape: [4, 3] })] });
  const gruTensors = gruWeights.map(([, values, shape]) => tf.tensor(values, shape));
  referenceGru.setWeights(gruTensors);
  expect(unifiedGru.layers[0].className).toBe('GRU');
  expectArraysClose(predict(unifiedGru, x), predict(referenceGru, x), 1e-6);

  for (const className of ['BatchNormalizationV1', 'BatchNormalizationV2']) {
    const bnWeights: Weights = (['gamma', 'beta', 'moving_mean', 'moving_variance'] as const).map((name, i) => [name, Float32Array.from(seededArray(4, 12 + i, 0.5, 1.5)), [4]]);
    const loaded = await loadModel(await keras2File('2.2.4-tf', [null, 4, 3], { class_name: className, config: { name: 'bn', axis: [1], momentum: 0.99, epsilon: 0.001 } }, bnWeights));
    expect(loaded.layers[0].className).toBe('BatchNormalization');
    const reference = sequential({ layers: [batchNormalization({ axis: 1, inputShape: [4, 3] })] });
    const bnTensors = bnWeights.map(([, values, shape]) => tf.tensor(values, shape));
    reference.setWeights(bnTensors);
    expectArraysClose(predict(loaded, x), predict(reference, x), 1e-6);
    tf.dispose(bnTensors);
  }
  tf.dispose([...lstmTensors, ...gruTensors, x]);
  expect(tf.memory().numTensors).toBe(before);
});

it('flips the kernels of a Theano-written Conv2D (Theano convolves, TensorFlow correlates), as Keras 2 did', async () => {
  const before = tf.memory().numTensors;
  const kernel = Float32Array.from(seededArray(2 * 3 * 1 * 2, 20));
  const layer = { class_name: 'Conv2D', config: { name: 'conv2d', filters: 2, kernel_size: [2, 3], activation: 'linear', use_bias: false, data_format: 'channels_last' } };
  const x = tf.tensor4d(seededArray(1 * 4 * 5 * 1, 21), [1, 4, 5, 1]);
  const theano = predict(await loadModel(await keras2File('2.1.6', [null, 4, 5, 1], layer, [['kernel', kernel, [2, 3, 1, 2]]], 'theano')), x);
  const tensorflow = predict(await loadModel(await keras2File('2.1.6', [null, 4, 5, 1], layer, [['kernel', kernel, [2, 3, 1, 2]]])), x);
  const original = tf.tensor4d(kernel, [2, 3, 1, 2]);
  const flipped = tf.reverse(original, [0, 1]);
  const reference = sequential({ layers: [conv2d({ filters: 2, kernelSize: [2, 3], useBias: false, inputShape: [4, 5, 1] })] });
  reference.setWeights([flipped]);
  expectArraysClose(theano, predict(reference, x), 1e-6);
  expect(Math.max(...theano.map((v, i) => Math.abs(v - tensorflow[i])))).toBeGreaterThan(1e-3);
  tf.dispose([x, original, flipped]);
  expect(tf.memory().numTensors).toBe(before);
});
