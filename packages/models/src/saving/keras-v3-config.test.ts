import { expect, it } from 'vitest';
import { compileArgsFromKeras, compileConfigToKeras3, fromKeras3, modelConfigToKeras3, pythonJson } from './keras-v3-config';

it('reads Keras 3 objects as plain configs: policies, built-in functions, nodes; nothing is evaluated', () => {
  const keras3 = {
    module: 'keras.layers',
    class_name: 'Dense',
    config: {
      name: 'dense',
      dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
      activation: { module: 'keras.activations', class_name: 'function', config: 'relu', registered_name: 'function' },
      kernel_initializer: { module: 'keras.initializers', class_name: 'HeNormal', config: { seed: 1 }, registered_name: null },
    },
    registered_name: null,
    build_config: { input_shape: [null, 3] },
    name: 'dense',
    inbound_nodes: [{ args: [{ class_name: '__keras_tensor__', config: { shape: [null, 3], dtype: 'float32', keras_history: ['input_layer', 0, 0] } }], kwargs: { training: false } }],
  };
  expect(fromKeras3(keras3)).toEqual({
    class_name: 'Dense',
    config: { name: 'dense', dtype: 'float32', activation: 'relu', kernel_initializer: { class_name: 'HeNormal', config: { seed: 1 } } },
    name: 'dense',
    inbound_nodes: [[['input_layer', 0, 0, { training: false }]]],
  });
  // Legacy nodes pass as they are.
  expect(fromKeras3({ class_name: 'Add', config: {}, name: 'add', inbound_nodes: [[['a', 0, 0, {}], ['b', 0, 0, {}]]] })).toMatchObject({ inbound_nodes: [[['a', 0, 0, {}], ['b', 0, 0, {}]]] });
});

it('writes Keras 3 modules, policies and compile settings, and reads compile settings back', () => {
  const config = modelConfigToKeras3(
    { class_name: 'Sequential', config: { name: 'seq', layers: [{ class_name: 'Dense', config: { name: 'd', dtype: 'float32', batch_input_shape: [null, 2], bias_regularizer: { class_name: 'L2', config: { l2: 0.01 } }, kernel_constraint: { class_name: 'MaxNorm', config: { max_value: 2, axis: 0 } } } }], build_input_shape: [null, 2] } },
    null,
  );
  const dense = (config.config.layers as Array<Record<string, Record<string, unknown>>>)[0];
  expect(dense.config).not.toHaveProperty('batch_input_shape');
  expect(dense.config.bias_regularizer).toEqual({ module: 'keras.regularizers', class_name: 'L2', config: { l2: 0.01 }, registered_name: null });
  expect(dense.config.kernel_constraint).toMatchObject({ module: 'keras.constraints', class_name: 'MaxNorm' });
  const compile = compileConfigToKeras3({ optimizer: { class_name: 'Adam', config: { learning_rate: 0.01 } }, loss: ['mean_squared_error', { class_name: 'Huber', config: { delta: 2 } }], metrics: ['mae'], loss_weights: [1, 0.5] })!;
  expect(compile).toMatchObject({ loss: ['mean_squared_error', { module: 'keras.losses', class_name: 'Huber', config: { delta: 2 }, registered_name: null }], loss_weights: [1, 0.5], metrics: ['mae'], weighted_metrics: null, steps_per_execution: 1 });
  expect(compileArgsFromKeras(compile)).toEqual({ optimizer: { class_name: 'Adam', config: { learning_rate: 0.01 } }, loss: ['mean_squared_error', { class_name: 'Huber', config: { delta: 2 } }], metrics: ['mae'], lossWeights: [1, 0.5] });
});

it('writes whole-number optimizer settings as Python floats (Keras checks isinstance(momentum, float))', () => {
  const compile = compileConfigToKeras3({ optimizer: { class_name: 'SGD', config: { learning_rate: 1, momentum: 0, nesterov: false, gradient_accumulation_steps: null, ema_overwrite_frequency: 3 } }, loss: ['mse'] });
  const json = pythonJson(compile);
  expect(json).toContain('"learning_rate":1.0,"momentum":0.0,"nesterov":false,"gradient_accumulation_steps":null,"ema_overwrite_frequency":3');
  expect(JSON.parse(json).optimizer.config.momentum).toBe(0);
  expect(pythonJson({ optimizer: compileConfigToKeras3({ optimizer: { class_name: 'Adam', config: { beta_1: 0.9 } }, loss: ['mse'] })!.optimizer })).toContain('"beta_1":0.9');
});

it('writes ThresholdedReLU as Keras 3\'s ReLU with a threshold and drops SpatialDropout\'s trainable, which Keras 3 rejects', () => {
  const config = modelConfigToKeras3(
    { class_name: 'Sequential', config: { name: 's', layers: [{ class_name: 'ThresholdedReLU', config: { name: 't', trainable: true, dtype: 'float32', theta: 1 } }, { class_name: 'SpatialDropout1D', config: { name: 'sd', trainable: true, dtype: 'float32', rate: 0.5, seed: null } }] } },
    null,
  );
  const json = JSON.parse(pythonJson(config));
  expect(json.config.layers[0]).toMatchObject({ class_name: 'ReLU', config: { name: 't', threshold: 1, negative_slope: 0, max_value: null } });
  expect(pythonJson(config)).toContain('"threshold":1.0');
  expect(json.config.layers[1].config).not.toHaveProperty('trainable');
});

it('refuses functional nodes that pass tensors as keyword arguments, rather than dropping them', () => {
  const node = { args: [{ class_name: '__keras_tensor__', config: { shape: [null, 3], dtype: 'float32', keras_history: ['a', 0, 0] } }], kwargs: { initial_state: [{ class_name: '__keras_tensor__', config: { shape: [null, 4], dtype: 'float32', keras_history: ['s', 0, 0] } }] } };
  expect(() => fromKeras3({ class_name: 'LSTM', config: {}, name: 'lstm', inbound_nodes: [node] })).toThrow('Expected call arguments without tensors in a functional node, received a tensor for "initial_state" (not supported here)');
});
