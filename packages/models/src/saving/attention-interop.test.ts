import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { readZip } from '@dendrite/backend/internal';
import { type Layer, type SymbolicTensor, deserializeLayer, input, multiHeadAttention, resetUniqueNames } from '@dendrite/layers';
import { expectArraysClose, seededArray, useBackend, useTempDirs } from '@dendrite/test-utils';
import { model } from '../functional';
import type { Model } from '../model';
import { readArray, readHdf5, readNameList, readStringAttribute } from './hdf5';
import { fromKeras3 } from './keras-v3-config';
import { loadModel } from '../load-model';

const tempDir = useTempDirs('attention-interop');

beforeAll(() => useBackend('cpu'));
afterEach(() => resetUniqueNames());

/** Cross-attention of two inputs, as Keras users write it: `mha(query, value, use_causal_mask=True)`. */
function crossAttention(): Model {
  const query = input({ shape: [3, 4], name: 'query_input' });
  const value = input({ shape: [3, 5], name: 'value_input' });
  const output = multiHeadAttention({ numHeads: 2, keyDim: 2, name: 'mha' }).apply([query, value], { useCausalMask: true });
  return model({ inputs: [query, value], outputs: output });
}

const keras3Tensor = (layer: string) => ({ class_name: '__keras_tensor__', config: { shape: [null, 3, 4], dtype: 'float32', keras_history: [layer, 0, 0] } });
const inputEntry = (name: string, features: number) => ({ class_name: 'InputLayer', name, config: { batch_input_shape: [null, 3, features], dtype: 'float32', name }, inbound_nodes: [] });
const mhaConfig = { name: 'mha', trainable: true, dtype: 'float32', num_heads: 2, key_dim: 2, value_dim: 2, dropout: 0.0, use_bias: true, output_shape: null, attention_axes: [1] };

/** Predictions of `loaded` and of the reference model (weights copied) on the same inputs. */
function expectSamePredictions(loaded: Layer, reference: Model): void {
  const values = reference.weights.map((weight, index) => tf.tensor(seededArray(tf.util.sizeFromShape(weight.shape), 30 + index), weight.shape));
  reference.setWeights(values);
  (loaded as Model).setWeights(values);
  const x = [tf.tensor3d(seededArray(24, 1), [2, 3, 4]), tf.tensor3d(seededArray(30, 2), [2, 3, 5])];
  const expected = reference.predict(x) as tf.Tensor;
  const got = (loaded as Model).predict(x) as tf.Tensor;
  expectArraysClose(got, expected, 1e-6);
  tf.dispose([...values, ...x, expected, got]);
}

it('saves Keras 3 weight paths (query_dense…), positional node arguments and snake_case call options in .keras', async () => {
  const m = crossAttention();
  const path = join(tempDir(), 'mha.keras');
  await m.save(path);
  const files = readZip(new Uint8Array(readFileSync(path)), path, ['config.json', 'model.weights.h5']);
  const config = JSON.parse(new TextDecoder().decode(files.get('config.json')));
  const node = config.config.layers.find((layer: { name: string }) => layer.name === 'mha').inbound_nodes[0];
  expect(node.args.map((arg: { config: { keras_history: unknown } }) => arg.config.keras_history)).toEqual([['query_input', 0, 0], ['value_input', 0, 0]]);
  expect(node.kwargs).toEqual({ use_causal_mask: true });
  await readHdf5(files.get('model.weights.h5')!, 'weights', (file) => {
    const shapes = Object.fromEntries(['query_dense', 'key_dense', 'value_dense', 'output_dense'].flatMap((part) => [0, 1].map((i) => [`${part}/${i}`, readArray(file, `layers/multi_head_attention/${part}/vars/${i}`, 'w').shape])));
    expect(shapes).toEqual({ 'query_dense/0': [4, 2, 2], 'query_dense/1': [2, 2], 'key_dense/0': [5, 2, 2], 'key_dense/1': [2, 2], 'value_dense/0': [5, 2, 2], 'value_dense/1': [2, 2], 'output_dense/0': [2, 2, 4], 'output_dense/1': [4] });
  });
  m.dispose();
});

it('saves tf.keras 2.x weight names (mha/query/kernel:0…) and snake_case call options in the legacy .h5', async () => {
  const m = crossAttention();
  const path = join(tempDir(), 'mha.h5');
  await m.save(path);
  await readHdf5(new Uint8Array(readFileSync(path)), 'h5', (file) => {
    const names = readNameList(file.get('model_weights/mha') as never, 'weight_names');
    expect(names).toEqual(['query', 'key', 'value', 'attention_output'].flatMap((part) => [`mha/${part}/kernel:0`, `mha/${part}/bias:0`]));
    const config = JSON.parse(readStringAttribute(file as never, 'model_config')!);
    const node = config.config.layers.find((layer: { name: string }) => layer.name === 'mha').inbound_nodes[0];
    expect(node).toEqual([['query_input', 0, 0, { use_causal_mask: true }], ['value_input', 0, 0, { use_causal_mask: true }]]);
  });
  m.dispose();
});

it('loads a Keras 3 functional config calling mha(query, value) with positional and keyword tensors', () => {
  for (const node of [
    { args: [keras3Tensor('query_input'), keras3Tensor('value_input')], kwargs: { use_causal_mask: true } },
    { args: [keras3Tensor('query_input')], kwargs: { value: keras3Tensor('value_input'), use_causal_mask: true } },
    { args: [], kwargs: { query: keras3Tensor('query_input'), value: keras3Tensor('value_input'), use_causal_mask: true } },
  ]) {
    resetUniqueNames();
    const config = {
      class_name: 'Functional',
      config: {
        name: 'model',
        layers: [inputEntry('query_input', 4), inputEntry('value_input', 5), { class_name: 'MultiHeadAttention', name: 'mha', config: mhaConfig, inbound_nodes: [node] }],
        input_layers: [['query_input', 0, 0], ['value_input', 0, 0]],
        output_layers: [['mha', 0, 0]],
      },
    };
    const loaded = deserializeLayer(fromKeras3(config) as never);
    resetUniqueNames();
    expectSamePredictions(loaded, crossAttention());
  }
});

it('loads a tf.keras 2.x functional config whose value is a keyword tensor reference', () => {
  const config = {
    class_name: 'Functional',
    config: {
      name: 'model',
      layers: [
        inputEntry('query_input', 4),
        inputEntry('value_input', 5),
        { class_name: 'MultiHeadAttention', name: 'mha', config: mhaConfig, inbound_nodes: [[['query_input', 0, 0, { value: ['value_input', 0, 0], use_causal_mask: true }]]] },
      ],
      input_layers: [['query_input', 0, 0], ['value_input', 0, 0]],
      output_layers: [['mha', 0, 0]],
    },
  };
  const loaded = deserializeLayer(config as never);
  resetUniqueNames();
  expectSamePredictions(loaded, crossAttention());
});

it('runs and reloads a model whose outputs include the attention scores', async () => {
  const query = input({ shape: [3, 4] });
  const value = input({ shape: [5, 4] });
  const [output, scores] = multiHeadAttention({ numHeads: 2, keyDim: 2 }).apply([query, value], { returnAttentionScores: true }) as unknown as SymbolicTensor[];
  const m = model({ inputs: [query, value], outputs: [output, scores] });
  const x = [tf.tensor3d(seededArray(24, 3), [2, 3, 4]), tf.tensor3d(seededArray(40, 4), [2, 5, 4])];
  const before = tf.memory().numTensors;
  const [out, weights] = m.predict(x) as tf.Tensor[];
  expect([out.shape, weights.shape]).toEqual([[2, 3, 4], [2, 2, 3, 5]]);
  const path = join(tempDir(), 'scores.keras');
  await m.save(path);
  const loaded = await loadModel(path);
  const [out2, weights2] = loaded.predict(x) as tf.Tensor[];
  expectArraysClose(out2, out, 1e-6);
  expectArraysClose(weights2, weights, 1e-6);
  tf.dispose([out, weights, out2, weights2]);
  loaded.dispose();
  expect(tf.memory().numTensors).toBe(before);
  tf.dispose(x);
  m.dispose();
});
