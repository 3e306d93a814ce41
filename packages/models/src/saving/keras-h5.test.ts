import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import type { Group } from 'h5wasm';
import { clearSeed, setSeed, tf } from '@dendrite/backend';
import { conv2d, dense, flatten, maxPooling2d, resetUniqueNames } from '@dendrite/layers';
import { expectArraysClose, seededArray, useBackend, useTempDirs } from '@dendrite/test-utils';
import { sequential } from '../sequential';
import { readArray, readHdf5, readNameList, readStringAttribute, writeArray, writeHdf5, writeInt64Scalar, writeNameList } from './hdf5';
import { loadModel } from '../load-model';

const tempDir = useTempDirs('h5');
beforeAll(() => useBackend('cpu'));
afterEach(() => {
  resetUniqueNames();
  clearSeed();
});

const x = { values: seededArray(16 * 4, 1), shape: [16, 4] };
const y = { values: seededArray(16 * 2, 2), shape: [16, 2] };

function mlp() {
  const model = sequential({ layers: [dense({ units: 6, activation: 'relu', inputShape: [4] }), dense({ units: 2 })] });
  model.compile({ optimizer: { class_name: 'SGD', config: { learning_rate: 0.05, momentum: 0.9 } }, loss: 'mse' });
  return model;
}

it('writes Keras\'s legacy HDF5 layout: model_config, training_config, model_weights and optimizer_weights', async () => {
  setSeed(1);
  const model = mlp();
  await model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
  const path = join(tempDir(), 'mlp.h5');
  await model.save(path);
  await readHdf5(new Uint8Array(readFileSync(path)), path, (file) => {
    expect(file.keys().sort()).toEqual(['model_weights', 'optimizer_weights']);
    expect(readStringAttribute(file, 'backend')).toBe('tensorflow');
    const config = JSON.parse(readStringAttribute(file, 'model_config')!);
    expect(config.class_name).toBe('Sequential');
    expect(config.config.layers[0]).toMatchObject({ class_name: 'InputLayer', config: { batch_input_shape: [null, 4] } });
    expect(JSON.parse(readStringAttribute(file, 'training_config')!)).toMatchObject({ loss: 'mean_squared_error', optimizer_config: { class_name: 'SGD', config: { momentum: 0.9 } } });
    const weights = file.get('model_weights') as Group;
    expect(readNameList(weights, 'layer_names')).toEqual(['dense', 'dense_1']);
    expect(readNameList(weights.get('dense') as Group, 'weight_names')).toEqual(['dense/kernel:0', 'dense/bias:0']);
    expect(readArray(weights, 'dense/dense/kernel:0', path).shape).toEqual([4, 6]);
    expect(readArray(weights, 'dense_1/dense_1/bias:0', path).shape).toEqual([2]);
    const optimizer = file.get('optimizer_weights') as Group;
    expect(readNameList(optimizer, 'weight_names')).toEqual(['SGD/iteration', 'SGD/learning_rate', 'SGD/dense_kernel_momentum', 'SGD/dense_bias_momentum', 'SGD/dense_1_kernel_momentum', 'SGD/dense_1_bias_momentum']);
  });
  const loaded = await loadModel(path);
  expect(loaded.compiled?.optimizer.iterations).toBe(2);
  const probe = tf.tensor2d(x.values, x.shape as [number, number]);
  const a = model.predict(probe) as tf.Tensor;
  const b = loaded.predict(probe) as tf.Tensor;
  expectArraysClose(b, a, 1e-6);
  // The momentum came back too: one more epoch on each gives the same weights.
  await model.fit(x, y, { epochs: 1, batchSize: 8, shuffle: false, verbose: 0 });
  await loaded.fit(x, y, { epochs: 1, batchSize: 8, shuffle: false, verbose: 0 });
  const wa = model.getWeights();
  const wb = loaded.getWeights();
  wa.forEach((w, i) => expectArraysClose(wb[i], w, 1e-5));
  tf.dispose([probe, a, b, ...wa, ...wb]);
  model.dispose();
  loaded.dispose();
});

/** A file laid out as tf.keras 2.x's `model.save('cnn.h5')` writes it, built without Dendrite's writer. */
async function kerasTwoCnnFile(kernel: Float32Array, bias: Float32Array, denseKernel: Float32Array, denseBias: Float32Array, momentum: Float32Array): Promise<Uint8Array> {
  const modelConfig = {
    class_name: 'Sequential',
    config: {
      name: 'sequential',
      layers: [
        { class_name: 'InputLayer', config: { batch_input_shape: [null, 6, 6, 1], dtype: 'float32', sparse: false, ragged: false, name: 'conv2d_input' } },
        {
          class_name: 'Conv2D',
          config: { name: 'conv2d', trainable: true, dtype: 'float32', filters: 2, kernel_size: [3, 3], strides: [1, 1], padding: 'valid', data_format: 'channels_last', dilation_rate: [1, 1], groups: 1, activation: 'relu', use_bias: true, kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } }, bias_initializer: { class_name: 'Zeros', config: {} }, kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null },
        },
        { class_name: 'MaxPooling2D', config: { name: 'max_pooling2d', trainable: true, dtype: 'float32', pool_size: [2, 2], padding: 'valid', strides: [2, 2], data_format: 'channels_last' } },
        { class_name: 'Flatten', config: { name: 'flatten', trainable: true, dtype: 'float32', data_format: 'channels_last' } },
        { class_name: 'Dense', config: { name: 'dense', trainable: true, dtype: 'float32', units: 3, activation: 'softmax', use_bias: true, kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } }, bias_initializer: { class_name: 'Zeros', config: {} }, kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null } },
      ],
    },
  };
  const trainingConfig = { loss: 'categorical_crossentropy', metrics: [[{ class_name: 'MeanMetricWrapper', config: { name: 'accuracy', dtype: 'float32', fn: 'categorical_accuracy' } }]], weighted_metrics: null, loss_weights: null, optimizer_config: { class_name: 'Adam', config: { name: 'Adam', learning_rate: 0.001, decay: 0.0, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false } } };
  return writeHdf5((file) => {
    file.create_attribute('backend', 'tensorflow');
    file.create_attribute('keras_version', '2.12.0');
    file.create_attribute('model_config', JSON.stringify(modelConfig));
    file.create_attribute('training_config', JSON.stringify(trainingConfig));
    const weights = file.create_group('model_weights');
    writeNameList(weights, 'layer_names', ['conv2d', 'max_pooling2d', 'flatten', 'dense', 'top_level_model_weights']);
    const put = (layer: string, names: string[], arrays: Array<[Float32Array, number[]]>) => {
      const group = weights.create_group(layer);
      writeNameList(group, 'weight_names', names);
      names.forEach((name, i) => writeArray(group, name, { values: arrays[i][0], shape: arrays[i][1], dtype: 'float32' }));
    };
    put('conv2d', ['conv2d/kernel:0', 'conv2d/bias:0'], [[kernel, [3, 3, 1, 2]], [bias, [2]]]);
    put('max_pooling2d', [], []);
    put('flatten', [], []);
    put('dense', ['dense/kernel:0', 'dense/bias:0'], [[denseKernel, [8, 3]], [denseBias, [3]]]);
    put('top_level_model_weights', [], []);
    // tf.keras 2's Adam: iter, then every m, then every v.
    const optimizer = file.create_group('optimizer_weights');
    const names = ['Adam/iter:0', 'Adam/conv2d/kernel/m:0', 'Adam/conv2d/bias/m:0', 'Adam/dense/kernel/m:0', 'Adam/dense/bias/m:0', 'Adam/conv2d/kernel/v:0', 'Adam/conv2d/bias/v:0', 'Adam/dense/kernel/v:0', 'Adam/dense/bias/v:0'];
    writeNameList(optimizer, 'weight_names', names);
    writeInt64Scalar(optimizer.create_group('Adam'), 'iter:0', 7);
    const shapes = [[3, 3, 1, 2], [2], [8, 3], [3]];
    names.slice(1).forEach((name, i) => {
      const shape = shapes[i % 4];
      const size = shape.reduce((a, b) => a * b, 1);
      writeArray(optimizer, name, { values: i === 0 ? momentum : new Float32Array(size).fill(0.01 * (i + 1)), shape, dtype: 'float32' });
    });
  }, 'fixture');
}

it('loads a CNN saved by tf.keras 2 in HDF5 (seed 004\'s layers), with its Adam state mapped onto ours', async () => {
  const kernel = Float32Array.from(seededArray(18, 3));
  const bias = Float32Array.of(0.1, -0.2);
  const denseKernel = Float32Array.from(seededArray(24, 4));
  const denseBias = Float32Array.of(0.3, 0, -0.3);
  const momentum = Float32Array.from(seededArray(18, 5));
  const path = join(tempDir(), 'cnn.h5');
  writeFileSync(path, await kerasTwoCnnFile(kernel, bias, denseKernel, denseBias, momentum));
  const loaded = await loadModel(path);
  expect(loaded.layers.map((layer) => layer.className)).toEqual(['Conv2D', 'MaxPooling2D', 'Flatten', 'Dense']);
  expect(loaded.compiled?.optimizer.className).toBe('Adam');
  expect(loaded.compiled?.optimizer.iterations).toBe(7);
  const state = loaded.compiled!.optimizer.getState();
  const kernelMomentum = state.slots.find((slot) => slot.slot === 'momentum' && slot.shape.length === 4)!;
  expect(Array.from(kernelMomentum.values)).toEqual(Array.from(momentum));

  const reference = sequential({ layers: [conv2d({ filters: 2, kernelSize: 3, activation: 'relu', inputShape: [6, 6, 1] }), maxPooling2d({ poolSize: 2 }), flatten(), dense({ units: 3, activation: 'softmax' })] });
  const weights = [tf.tensor4d(kernel, [3, 3, 1, 2]), tf.tensor1d(bias), tf.tensor2d(denseKernel, [8, 3]), tf.tensor1d(denseBias)];
  reference.setWeights(weights);
  const probe = tf.tensor4d(seededArray(2 * 36, 6), [2, 6, 6, 1]);
  const a = reference.predict(probe) as tf.Tensor;
  const b = loaded.predict(probe) as tf.Tensor;
  expectArraysClose(b, a, 1e-6);
  tf.dispose([...weights, probe, a, b]);
  reference.dispose();
  loaded.dispose();
});

it('saves weights alone as Keras 2 save_weights does, and says a weights-only file is not a model', async () => {
  const model = mlp();
  const path = join(tempDir(), 'mlp-weights.h5');
  await model.saveWeights(path);
  await readHdf5(new Uint8Array(readFileSync(path)), path, (file) => {
    expect(readNameList(file, 'layer_names')).toEqual(['dense', 'dense_1']);
    expect(file.attrs.model_config).toBeUndefined();
  });
  resetUniqueNames();
  const other = mlp();
  await other.loadWeights(path);
  const [a, b] = [model.getWeights(), other.getWeights()];
  a.forEach((w, i) => expectArraysClose(b[i], w, 0));
  tf.dispose([...a, ...b]);
  await expect(loadModel(path)).rejects.toThrow(`Expected a whole model (a model_config attribute) in "${path}", received a weights-only HDF5 file: build the model in code and call loadWeights`);
  const damaged = join(tempDir(), 'damaged.h5');
  writeFileSync(damaged, readFileSync(path).subarray(0, 600));
  await expect(loadModel(damaged)).rejects.toThrow(/Expected an HDF5 file in ".*damaged\.h5", received bytes HDF5 cannot open/);
  model.dispose();
  other.dispose();
});

it('splits long name lists into chunks as Keras does (layer_names0, layer_names1, …) and reads them back', async () => {
  const names = Array.from({ length: 6000 }, (_, i) => `a_rather_long_layer_name_${i}`);
  const bytes = await writeHdf5((file) => writeNameList(file, 'layer_names', names), 'names');
  await readHdf5(bytes, 'names', (file) => {
    expect('layer_names' in file.attrs).toBe(false);
    expect('layer_names0' in file.attrs && 'layer_names1' in file.attrs).toBe(true);
    expect(readNameList(file, 'layer_names')).toEqual(names);
  });
});
