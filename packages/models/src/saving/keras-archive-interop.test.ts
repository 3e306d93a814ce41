import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { writeZip } from '@dendrite/backend/internal';
import { concatenate, dense, input, resetUniqueNames } from '@dendrite/layers';
import { expectArraysClose, seededArray, useBackend, useTempDirs } from '@dendrite/test-utils';
import { model as functionalModel } from '../functional';
import { writeArray, writeHdf5, writeInt64Scalar } from './hdf5';
import { loadModel } from '../load-model';

const tempDir = useTempDirs('keras3');
beforeAll(() => useBackend('cpu'));
afterEach(() => {
  resetUniqueNames();
});

const policy = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };
const glorot = { module: 'keras.initializers', class_name: 'GlorotUniform', config: { seed: null }, registered_name: null };
const zeros = { module: 'keras.initializers', class_name: 'Zeros', config: {}, registered_name: null };
const tensor = (shape: Array<number | null>, history: [string, number, number]) => ({ class_name: '__keras_tensor__', config: { shape, dtype: 'float32', keras_history: history } });
const denseLayer = (name: string, units: number, activation: string, inputShape: number[], args: unknown) => ({
  module: 'keras.layers',
  class_name: 'Dense',
  config: { name, trainable: true, dtype: policy, units, activation, use_bias: true, kernel_initializer: glorot, bias_initializer: zeros, kernel_regularizer: null, bias_regularizer: null, kernel_constraint: null, bias_constraint: null, lora_rank: null, quantization_config: null },
  registered_name: null,
  build_config: { input_shape: [null, ...inputShape] },
  name,
  inbound_nodes: [{ args: [args], kwargs: {} }],
});

/** Seed 003's wide-and-deep model as Keras 3.6 writes its config.json (keys Keras adds included). */
const wideAndDeepConfig = {
  module: 'keras.src.models.functional',
  class_name: 'Functional',
  config: {
    name: 'functional',
    trainable: true,
    layers: [
      { module: 'keras.layers', class_name: 'InputLayer', config: { batch_shape: [null, 8], dtype: 'float32', sparse: false, optional: false, name: 'input_layer' }, registered_name: null, name: 'input_layer', inbound_nodes: [] },
      denseLayer('dense', 30, 'relu', [8], tensor([null, 8], ['input_layer', 0, 0])),
      denseLayer('dense_1', 30, 'relu', [30], tensor([null, 30], ['dense', 0, 0])),
      {
        module: 'keras.layers',
        class_name: 'Concatenate',
        config: { name: 'concatenate', trainable: true, dtype: policy, axis: -1 },
        registered_name: null,
        build_config: { input_shape: [[null, 8], [null, 30]] },
        name: 'concatenate',
        inbound_nodes: [{ args: [[tensor([null, 8], ['input_layer', 0, 0]), tensor([null, 30], ['dense_1', 0, 0])]], kwargs: {} }],
      },
      denseLayer('dense_2', 1, 'linear', [38], tensor([null, 38], ['concatenate', 0, 0])),
    ],
    input_layers: [['input_layer', 0, 0]],
    output_layers: ['dense_2', 0, 0], // flat, as Keras ≥ 3.11 writes a single output
  },
  registered_name: 'Functional',
  build_config: { input_shape: null },
  compile_config: {
    optimizer: { module: 'keras.optimizers', class_name: 'SGD', config: { name: 'SGD', learning_rate: 0.0010000000474974513, weight_decay: null, clipnorm: null, global_clipnorm: null, clipvalue: null, use_ema: false, ema_momentum: 0.99, ema_overwrite_frequency: null, loss_scale_factor: null, gradient_accumulation_steps: null, momentum: 0.0, nesterov: false }, registered_name: null },
    loss: 'mean_squared_error',
    loss_weights: null,
    metrics: null,
    weighted_metrics: null,
    run_eagerly: false,
    steps_per_execution: 1,
    jit_compile: false,
  },
};

it('loads a .keras archive as Keras 3 writes it (seed 003\'s wide-and-deep model), predicting as the same weights do here', async () => {
  const shapes: Record<string, number[][]> = { dense: [[8, 30], [30]], dense_1: [[30, 30], [30]], dense_2: [[38, 1], [1]] };
  const arrays = Object.fromEntries(Object.entries(shapes).map(([name, [k, b]], i) => [name, [Float32Array.from(seededArray(k[0] * k[1], 10 + i)), Float32Array.from(seededArray(b[0], 20 + i))]]));
  const weights = await writeHdf5((file) => {
    file.create_group('vars');
    const layers = file.create_group('layers');
    for (const name of ['input_layer', 'concatenate']) layers.create_group(name).create_group('vars');
    for (const [name, [k, b]] of Object.entries(shapes)) {
      const vars = layers.create_group(name).create_group('vars');
      writeArray(vars, '0', { values: arrays[name][0], shape: k, dtype: 'float32' });
      writeArray(vars, '1', { values: arrays[name][1], shape: b, dtype: 'float32' });
    }
    const optimizer = file.create_group('optimizer').create_group('vars');
    writeInt64Scalar(optimizer, '0', 0);
    writeArray(optimizer, '1', { values: Float32Array.of(0.001), shape: [], dtype: 'float32' });
  }, 'fixture');
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const path = join(tempDir(), 'wide_deep.keras');
  writeFileSync(path, writeZip([['metadata.json', encode({ keras_version: '3.6.0', date_saved: '2026-11-30@00:00:00' })], ['config.json', encode(wideAndDeepConfig)], ['model.weights.h5', weights]]));

  const loaded = await loadModel(path);
  expect(loaded.className).toBe('Functional');
  expect(loaded.countParams()).toBe(270 + 930 + 39);
  expect(loaded.compiled?.optimizer.className).toBe('SGD');

  const inputs = input({ shape: [8] });
  const hidden = dense({ units: 30, activation: 'relu' }).apply(dense({ units: 30, activation: 'relu' }).apply(inputs));
  const reference = functionalModel({ inputs, outputs: dense({ units: 1 }).apply(concatenate().apply([inputs, hidden])) as never });
  const tensors = Object.values(arrays).flatMap(([k, b], i) => [tf.tensor(k, Object.values(shapes)[i][0]), tf.tensor(b, Object.values(shapes)[i][1])]);
  reference.setWeights(tensors);
  const probe = tf.tensor2d(seededArray(5 * 8, 30), [5, 8]);
  const a = reference.predict(probe) as tf.Tensor;
  const b = loaded.predict(probe) as tf.Tensor;
  expectArraysClose(b, a, 1e-6);
  tf.dispose([...tensors, probe, a, b]);
  reference.dispose();
  loaded.dispose();
});
