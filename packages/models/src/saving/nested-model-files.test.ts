import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { readZip, writeZip } from '@dendrite/backend/internal';
import { dense, input, resetUniqueNames } from '@dendrite/layers';
import { expectArraysClose, seededArray, useBackend, useTempDirs } from '@dendrite/test-utils';
import { model as functionalModel } from '../functional';
import type { Model } from '../model';
import { sequential } from '../sequential';
import type { Group as H5Group } from 'h5wasm';
import { readHdf5, readStringAttribute, writeArray, writeHdf5, writeNameList } from './hdf5';
import { loadModel } from '../load-model';

// Nested and shared-layer models as Keras writes them. Keras 3 (`Functional.get_config`) counts a
// nested functional model's calls from 1 in `output_layers` (kept_nodes = 1) and from 0 in layers'
// `inbound_nodes` (serialize_node); tf.keras 2 (`get_network_config`, `_should_skip_first_node`)
// counts the calls of a nested functional model or a Sequential with an InputLayer from 1 everywhere.
const tempDir = useTempDirs('nested');
beforeAll(() => useBackend('cpu'));
afterEach(() => resetUniqueNames());

type Json = Record<string, unknown>;
const W = {
  shared: [Float32Array.from(seededArray(9, 1)), Float32Array.from(seededArray(3, 2))],
  inner: [Float32Array.from(seededArray(6, 3)), Float32Array.from(seededArray(2, 4))],
  seq: [Float32Array.from(seededArray(4, 5)), Float32Array.from(seededArray(2, 6))],
};
const SHAPES: Record<string, [number[], number[]]> = { shared: [[3, 3], [3]], inner: [[3, 2], [2]], seq: [[2, 2], [2]], after: [[2, 2], [2]] };
const xa = tf.tensor2d(seededArray(12, 7), [4, 3]);
const xb = tf.tensor2d(seededArray(12, 8), [4, 3]);

/** Dense by hand: x · kernel + bias. */
const affine = (x: tf.Tensor, [kernel, bias]: Float32Array[], [k, b]: [number[], number[]]) => tf.add(tf.matMul(x, tf.tensor(kernel, k)), tf.tensor(bias, b));

const denseConfig = (name: string, units: number, keras3: boolean): Json => ({
  name, trainable: true, dtype: keras3 ? { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null } : 'float32', units, activation: 'linear', use_bias: true,
  kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } }, bias_initializer: { class_name: 'Zeros', config: {} },
  kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null,
});
const inputConfig = (name: string, size: number, keras3: boolean): Json => ({ [keras3 ? 'batch_shape' : 'batch_input_shape']: [null, size], dtype: 'float32', sparse: false, name });
const kt = (layer: string, node: number, size: number) => ({ class_name: '__keras_tensor__', config: { shape: [null, size], dtype: 'float32', keras_history: [layer, node, 0] } });

/** One layer entry of a functional config; `calls` are `[layer, node, size]` inputs, one per call. */
function entry(keras3: boolean, className: string, config: Json, calls: Array<[string, number, number]>, module = 'keras.layers'): Json {
  const name = config.name as string;
  const inbound_nodes = calls.map(([layer, node, size]) => (keras3 ? { args: [kt(layer, node, size)], kwargs: {} } : [[layer, node, 0, {}]]));
  return keras3 ? { module, class_name: className, config, registered_name: module === 'keras.layers' ? null : className, name, inbound_nodes } : { class_name: className, config, name, inbound_nodes };
}

/** The nested functional model `inner` (inner_in [3] → inner_dense, 2 units). */
function inner(keras3: boolean, calls: Array<[string, number, number]>): Json {
  const config = {
    name: 'inner', trainable: true,
    layers: [entry(keras3, 'InputLayer', inputConfig('inner_in', 3, keras3), []), entry(keras3, 'Dense', denseConfig('inner_dense', 2, keras3), [['inner_in', 0, 3]])],
    input_layers: [['inner_in', 0, 0]], output_layers: [['inner_dense', 0, 0]],
  };
  return entry(keras3, 'Functional', config, calls, 'keras.src.models.functional');
}

/**
 * Model A: a Dense `shared` called on inputs a and b; `inner` called on both of its outputs; a
 * Sequential `seq` on inner's second call; outputs [inner's first call, seq].
 */
function sharedModelConfig(keras3: boolean): Json {
  const seqLayers = [{ class_name: 'InputLayer', config: inputConfig('seq_in', 2, keras3) }, { class_name: 'Dense', config: denseConfig('seq_dense', 2, keras3) }]
    .map((layer) => (keras3 ? { module: 'keras.layers', ...layer, registered_name: null } : layer));
  const seq = entry(keras3, 'Sequential', { name: 'seq', trainable: true, layers: seqLayers }, [['inner', keras3 ? 1 : 2, 2]], 'keras');
  if (keras3) (seq as Json).registered_name = null;
  const config = {
    name: 'outer', trainable: true,
    layers: [
      entry(keras3, 'InputLayer', inputConfig('a', 3, keras3), []),
      entry(keras3, 'InputLayer', inputConfig('b', 3, keras3), []),
      entry(keras3, 'Dense', denseConfig('shared', 3, keras3), [['a', 0, 3], ['b', 0, 3]]),
      inner(keras3, [['shared', 0, 3], ['shared', 1, 3]]),
      seq,
    ],
    input_layers: [['a', 0, 0], ['b', 0, 0]],
    output_layers: [['inner', 1, 0], ['seq', keras3 ? 0 : 1, 0]],
  };
  return keras3 ? { module: 'keras.src.models.functional', class_name: 'Functional', config, registered_name: 'Functional', build_config: { input_shape: null }, compile_config: null } : { class_name: 'Functional', config };
}

/** Model B: `inner` called once on x, its output both a model output and the input of Dense `after`. */
function onceModelConfig(keras3: boolean): Json {
  const config = {
    name: 'outer', trainable: true,
    layers: [entry(keras3, 'InputLayer', inputConfig('x', 3, keras3), []), inner(keras3, [['x', 0, 3]]), entry(keras3, 'Dense', denseConfig('after', 2, keras3), [['inner', keras3 ? 0 : 1, 2]])],
    input_layers: [['x', 0, 0]],
    output_layers: [['inner', 1, 0], ['after', 0, 0]],
  };
  return keras3 ? { module: 'keras.src.models.functional', class_name: 'Functional', config, registered_name: 'Functional', build_config: { input_shape: null }, compile_config: null } : { class_name: 'Functional', config };
}

/** Keras 3 `model.weights.h5`: `layers/<snake_case class>[_i]/…/vars/<i>`, nested models' layers under their own `layers`. */
function keras3Weights(file: H5Group, layers: Array<[string, Float32Array[] | Array<[string, Float32Array[]]>]>, shapes: Array<[number[], number[]]>): void {
  file.create_group('vars');
  const top = file.create_group('layers');
  let i = 0;
  for (const [path, values] of layers) {
    const group = top.create_group(path);
    if (values[0] instanceof Float32Array) {
      const vars = group.create_group('vars');
      (values as Float32Array[]).forEach((v, j) => writeArray(vars, String(j), { values: v, shape: shapes[i][j], dtype: 'float32' }));
      i++;
      continue;
    }
    group.create_group('vars');
    const inside = group.create_group('layers');
    for (const [innerPath, innerValues] of values as Array<[string, Float32Array[]]>) {
      const vars = inside.create_group(innerPath).create_group('vars');
      innerValues.forEach((v, j) => writeArray(vars, String(j), { values: v, shape: shapes[i][j], dtype: 'float32' }));
      i++;
    }
  }
}

/** tf.keras 2 `model_weights`: a group per top-level layer, a nested model's weights under it by their own names. */
function keras2Weights(file: H5Group, names: string[], weights: Array<[string, string, Float32Array[]]>, shapes: Array<[number[], number[]]>): void {
  const group = file.create_group('model_weights');
  writeNameList(group, 'layer_names', names);
  const byLayer = new Map<string, Array<[string, Float32Array[], [number[], number[]]]>>();
  weights.forEach(([layer, owner, values], i) => byLayer.set(layer, [...(byLayer.get(layer) ?? []), [owner, values, shapes[i]]]));
  for (const name of names) {
    const layerGroup = group.create_group(name);
    const entries = byLayer.get(name) ?? [];
    const weightNames = entries.flatMap(([owner]) => [`${owner}/kernel:0`, `${owner}/bias:0`]);
    writeNameList(layerGroup, 'weight_names', weightNames);
    entries.forEach(([owner, values, shape]) => {
      writeArray(layerGroup, `${owner}/kernel:0`, { values: values[0], shape: shape[0], dtype: 'float32' });
      writeArray(layerGroup, `${owner}/bias:0`, { values: values[1], shape: shape[1], dtype: 'float32' });
    });
  }
}

async function keras3File(name: string, config: Json, weights: (file: H5Group) => void): Promise<string> {
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const path = join(tempDir(), name);
  writeFileSync(path, writeZip([['metadata.json', encode({ keras_version: '3.6.0', date_saved: '2026-12-07@00:00:00' })], ['config.json', encode(config)], ['model.weights.h5', await writeHdf5(weights, 'fixture')]]));
  return path;
}

async function keras2File(name: string, config: Json, weights: (file: H5Group) => void): Promise<string> {
  const path = join(tempDir(), name);
  writeFileSync(path, await writeHdf5((file) => {
    file.create_attribute('backend', 'tensorflow');
    file.create_attribute('keras_version', '2.12.0');
    file.create_attribute('model_config', JSON.stringify(config));
    weights(file);
  }, 'fixture'));
  return path;
}

const afterWeights = [Float32Array.from(seededArray(4, 9)), Float32Array.from(seededArray(2, 10))];

/** What Keras computes for model A on (xa, xb), by hand. */
function expectedShared(): tf.Tensor[] {
  return tf.tidy(() => {
    const first = affine(affine(xa, W.shared, SHAPES.shared), W.inner, SHAPES.inner);
    const second = affine(affine(xb, W.shared, SHAPES.shared), W.inner, SHAPES.inner);
    return [first, affine(second, W.seq, SHAPES.seq)];
  });
}

function expectedOnce(): tf.Tensor[] {
  return tf.tidy(() => {
    const innerOut = affine(xa, W.inner, SHAPES.inner);
    return [innerOut, affine(innerOut, afterWeights, SHAPES.after)];
  });
}

async function expectPredicts(model: Model, inputs: tf.Tensor | tf.Tensor[], expected: tf.Tensor[]): Promise<void> {
  const before = tf.memory().numTensors;
  const outputs = model.predict(inputs, { verbose: 0 }) as tf.Tensor[];
  outputs.forEach((output, i) => expectArraysClose(output, expected[i], 1e-5));
  tf.dispose(outputs);
  expect(tf.memory().numTensors).toBe(before);
}

async function expectRoundTrips(model: Model, inputs: tf.Tensor | tf.Tensor[], expected: tf.Tensor[]): Promise<void> {
  for (const file of ['again.keras', 'again.h5', 'again/model.json']) {
    const path = join(tempDir(), file);
    await model.save(path);
    const reloaded = await loadModel(path);
    await expectPredicts(reloaded, inputs, expected);
    reloaded.dispose();
  }
}

const sharedShapes = [SHAPES.shared, SHAPES.inner, SHAPES.seq];

it('loads a Keras 3 .keras with a shared Dense, a nested functional model called twice (output from its first call) and a nested Sequential', async () => {
  const path = await keras3File('shared.keras', sharedModelConfig(true), (file) =>
    keras3Weights(file, [['dense', W.shared], ['functional', [['dense', W.inner]]], ['sequential', [['dense', W.seq]]]], sharedShapes));
  const model = await loadModel(path);
  const expected = expectedShared();
  await expectPredicts(model, [xa, xb], expected);
  await expectRoundTrips(model, [xa, xb], expected);
  model.dispose();
  tf.dispose(expected);
});

it('loads the same model from a tf.keras 2 .h5, whose nested functional model and Sequential count their calls from 1', async () => {
  const path = await keras2File('shared.h5', sharedModelConfig(false), (file) =>
    keras2Weights(file, ['a', 'b', 'shared', 'inner', 'seq'], [['shared', 'shared', W.shared], ['inner', 'inner_dense', W.inner], ['seq', 'seq_dense', W.seq]], sharedShapes));
  const model = await loadModel(path);
  const expected = expectedShared();
  await expectPredicts(model, [xa, xb], expected);
  await expectRoundTrips(model, [xa, xb], expected);
  model.dispose();
  tf.dispose(expected);
});

it('loads a nested functional model called once whose output is both a model output and a layer input, from .keras and .h5', async () => {
  const shapes = [SHAPES.inner, SHAPES.after];
  const keras3 = await keras3File('once.keras', onceModelConfig(true), (file) => keras3Weights(file, [['functional', [['dense', W.inner]]], ['dense', afterWeights]], shapes));
  const keras2 = await keras2File('once.h5', onceModelConfig(false), (file) => keras2Weights(file, ['x', 'inner', 'after'], [['inner', 'inner_dense', W.inner], ['after', 'after', afterWeights]], shapes));
  const expected = expectedOnce();
  for (const path of [keras3, keras2]) {
    const model = await loadModel(path);
    await expectPredicts(model, xa, expected);
    await expectRoundTrips(model, xa, expected);
    model.dispose();
  }
  tf.dispose(expected);
});

it('writes the node numbering Keras writes: .keras output_layers from 1 for a nested functional model, .h5 everywhere from 1', async () => {
  const a = input({ shape: [3], name: 'a' });
  const b = input({ shape: [3], name: 'b' });
  const innerIn = input({ shape: [3], name: 'inner_in' });
  const innerModel = functionalModel({ name: 'inner', inputs: innerIn, outputs: dense({ units: 2, name: 'inner_dense' }).apply(innerIn) as never });
  const seq = sequential({ name: 'seq', layers: [dense({ units: 2, inputShape: [2], name: 'seq_dense' })] });
  const shared = dense({ units: 3, name: 'shared' });
  const first = innerModel.apply(shared.apply(a) as never);
  const second = innerModel.apply(shared.apply(b) as never);
  const outer = functionalModel({ name: 'outer', inputs: [a, b], outputs: [first, seq.apply(second)] as never });
  const kerasPath = join(tempDir(), 'mine.keras');
  await outer.save(kerasPath);
  const config = JSON.parse(new TextDecoder().decode(readZip(new Uint8Array(readFileSync(kerasPath)), kerasPath, ['config.json']).get('config.json')));
  const layerOf = (c: Json, name: string) => ((c.config as Json).layers as Json[]).find((layer) => layer.name === name)!;
  expect((config.config as Json).output_layers).toEqual([['inner', 1, 0], ['seq', 0, 0]]);
  expect(((layerOf(config, 'seq').inbound_nodes as Json[])[0].args as Json[])[0]).toMatchObject({ config: { keras_history: ['inner', 1, 0] } });
  const h5Path = join(tempDir(), 'mine.h5');
  await outer.save(h5Path);
  const h5Config = JSON.parse(await readHdf5(new Uint8Array(readFileSync(h5Path)), h5Path, (file) => readStringAttribute(file, 'model_config')!));
  expect(h5Config.config.output_layers).toEqual([['inner', 1, 0], ['seq', 1, 0]]);
  expect(layerOf(h5Config, 'seq').inbound_nodes).toEqual([[['inner', 2, 0, {}]]]);
  outer.dispose();
});
