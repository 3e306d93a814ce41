import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { resetUniqueNames } from '@dendrite/layers';
import { describeEachBackend, expectArraysClose, seededArray, useTempDirs } from '@dendrite/test-utils';
import type { Functional } from './functional';
import './functional';
import type { Model } from './model';
import { readHdf5, readStringAttribute, writeArray, writeHdf5, writeNameList } from './saving/hdf5';
import { loadModel } from './load-model';
import { parseOpNode, writeOpNode } from './tf-op-nodes';

const tempDir = useTempDirs('tf-op-nodes');
afterEach(() => resetUniqueNames());

type Entry = { class_name: string; name: string; config: Record<string, unknown>; inbound_nodes: unknown[] };

const op = (className: string, name: string, fn: string, node: unknown): Entry => ({
  class_name: className,
  name,
  config: { name, trainable: true, dtype: 'float32', function: fn },
  inbound_nodes: [node],
});
const ALL = { start: null, stop: null, step: null };

/**
 * A functional model as tf.keras 2.9 writes it for
 * `h = Dense(4)(x); a = h * 2 + 1; r = tf.reshape(a, [-1, 2, 2]); s = a[:, 1:3];
 * c = tf.concat([x, s], axis=1); m = tf.reduce_mean(c, axis=1, keepdims=True); d = 1 - h`.
 */
function tfKeras2Config(extra: Entry[] = []): Record<string, unknown> {
  const layers: Entry[] = [
    { class_name: 'InputLayer', name: 'input_1', config: { batch_input_shape: [null, 4], dtype: 'float32', sparse: false, ragged: false, name: 'input_1' }, inbound_nodes: [] },
    { class_name: 'Dense', name: 'dense', config: { name: 'dense', trainable: true, dtype: 'float32', units: 4, activation: 'linear', use_bias: true }, inbound_nodes: [[['input_1', 0, 0, {}]]] },
    op('TFOpLambda', 'tf.math.multiply', 'math.multiply', ['dense', 0, 0, { y: 2.0, name: null }]),
    op('TFOpLambda', 'tf.__operators__.add', '__operators__.add', ['tf.math.multiply', 0, 0, { y: 1.0, name: null }]),
    op('TFOpLambda', 'tf.reshape', 'reshape', ['tf.__operators__.add', 0, 0, { shape: [-1, 2, 2], name: null }]),
    op('SlicingOpLambda', 'tf.__operators__.getitem', '__operators__.getitem', ['tf.__operators__.add', 0, 0, { slice_spec: [ALL, { start: 1, stop: 3, step: null }], var: null }]),
    op('TFOpLambda', 'tf.concat', 'concat', [['input_1', 0, 0, { axis: 1, name: 'concat' }], ['tf.__operators__.getitem', 0, 0, { axis: 1, name: 'concat' }]]),
    op('TFOpLambda', 'tf.math.reduce_mean', 'math.reduce_mean', ['tf.concat', 0, 0, { axis: 1, keepdims: true, name: null }]),
    op('TFOpLambda', 'tf.math.subtract', 'math.subtract', ['_CONSTANT_VALUE', -1, 1.0, { y: ['dense', 0, 0], name: null }]),
    ...extra,
  ];
  return {
    class_name: 'Functional',
    config: {
      name: 'model',
      layers,
      input_layers: [['input_1', 0, 0]],
      output_layers: [['tf.math.reduce_mean', 0, 0], ['tf.reshape', 0, 0], ['tf.math.subtract', 0, 0]],
    },
  };
}

const kernel = seededArray(16, 1);
const bias = seededArray(4, 2);

/** The config in tf.keras 2.x's `model.save('x.h5')` layout: every layer listed, op layers without weights. */
async function tfKeras2File(config: Record<string, unknown>, name: string): Promise<string> {
  const layers = (config.config as { layers: Entry[] }).layers;
  const bytes = await writeHdf5((file) => {
    file.create_attribute('backend', 'tensorflow');
    file.create_attribute('keras_version', '2.9.0');
    file.create_attribute('model_config', JSON.stringify(config));
    const group = file.create_group('model_weights');
    writeNameList(group, 'layer_names', layers.map((layer) => layer.name));
    for (const layer of layers) {
      const layerGroup = group.create_group(layer.name);
      if (layer.name !== 'dense') {
        writeNameList(layerGroup, 'weight_names', []);
        continue;
      }
      writeNameList(layerGroup, 'weight_names', ['dense/kernel:0', 'dense/bias:0']);
      writeArray(layerGroup, 'dense/kernel:0', { values: kernel, shape: [4, 4], dtype: 'float32' });
      writeArray(layerGroup, 'dense/bias:0', { values: bias, shape: [4], dtype: 'float32' });
    }
  }, name);
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

/** The same computation in plain tf ops. */
function expected(x: tf.Tensor2D): tf.Tensor[] {
  return tf.tidy(() => {
    const h = tf.add(tf.matMul(x, tf.tensor2d(kernel, [4, 4])), tf.tensor1d(bias));
    const a = tf.add(tf.mul(h, 2), 1);
    const c = tf.concat([x, a.slice([0, 1], [-1, 2])], 1);
    return [tf.mean(c, 1, true), tf.reshape(a, [-1, 2, 2]), tf.sub(1, h)];
  });
}

function expectPredictions(model: Model, x: tf.Tensor2D): void {
  const before = tf.memory().numTensors;
  const got = model.predict(x) as tf.Tensor[];
  const want = expected(x);
  expect(got.map((t) => t.shape)).toEqual([[3, 1], [3, 2, 2], [3, 4]]);
  got.forEach((tensor, index) => expectArraysClose(tensor, want[index], 1e-5));
  tf.dispose([...got, ...want]);
  expect(tf.memory().numTensors).toBe(before);
}

describeEachBackend('tf.keras 2.x TF op layers', () => {
  it('load from a tf.keras 2.x .h5 and predict as the same tf ops do', async () => {
    const model = await loadModel(await tfKeras2File(tfKeras2Config(), 'ops.h5'));
    expect((model as Functional).outputs.map((output) => output.shape)).toEqual([[null, 1], [null, 2, 2], [null, 4]]);
    const summary = model.summary({ printFn: null });
    expect(summary).toMatch(/tf\.__operators__\.getitem \(Slici\s+\(None, 2\)/);
    expect(summary).toMatch(/tf\.reshape \(TFOpLambda\)\s+\(None, 2, 2\)/);
    const x = tf.tensor2d(seededArray(12, 3), [3, 4]);
    expectPredictions(model, x);
    x.dispose();
    model.dispose();
  });

  it.each(['.h5', '.keras', '/model.json'])('save as %s the structure tf.keras 2.x writes, and reload to the same predictions', async (suffix) => {
    const model = await loadModel(await tfKeras2File(tfKeras2Config(), 'ops.h5'));
    const path = join(tempDir(), `saved${suffix}`);
    await model.save(path);
    const reloaded = await loadModel(path);
    const x = tf.tensor2d(seededArray(12, 4), [3, 4]);
    expectPredictions(reloaded, x);
    x.dispose();
    model.dispose();
    reloaded.dispose();
  });
});

it('refuses a model using an op Dendrite lacks, naming the op and the layer', async () => {
  const svd = op('TFOpLambda', 'tf.linalg.svd', 'linalg.svd', ['dense', 0, 0, { full_matrices: false, compute_uv: true, name: null }]);
  await expect(loadModel(await tfKeras2File(tfKeras2Config([svd]), 'svd.h5'))).rejects.toThrow(/svd\.h5.*Unsupported TF op "linalg.svd" in layer "tf.linalg.svd"/);
});

it('reads and writes inbound nodes in tf.keras 2.x layout: one tensor flat, a list nested, constants and keyword tensors', () => {
  const nodes = [
    ['dense', 0, 0, { y: 2.0, name: null }],
    [['input_1', 0, 0, { axis: 1, name: 'concat' }], ['slice', 1, 0, { axis: 1, name: 'concat' }]],
    ['_CONSTANT_VALUE', -1, 1.0, { y: ['dense', 0, 0], name: null }],
    ['x', 0, 0, { slice_spec: [{ class_name: '__ellipsis__' }, null, { start: 1, stop: null, step: 2 }], var: null }],
  ];
  const parsed = nodes.map((node) => parseOpNode(node, 'layer "op"'));
  expect(parsed.map((p) => p.references)).toEqual([[['dense', 0, 0]], [['input_1', 0, 0], ['slice', 1, 0]], [['dense', 0, 0]], [['x', 0, 0]]]);
  expect(parsed[1].opCall).toEqual({ first: [{ __tensor__: 0 }, { __tensor__: 1 }], kwargs: { axis: 1, name: 'concat' } });
  expect(parsed[2].opCall).toEqual({ first: 1.0, kwargs: { y: { __tensor__: 0 }, name: null } });
  expect(parsed.map((p) => writeOpNode(p.opCall, p.references))).toEqual(nodes);
  expect(() => parseOpNode([{ oops: 1 }], 'layer "op"')).toThrow(/inbound node of layer "op"/);
});

it('writes op layers back with the inbound nodes tf.keras 2.x wrote, in .h5 and model.json', async () => {
  const source = tfKeras2Config();
  const opNodes = (config: Record<string, unknown>) =>
    Object.fromEntries((config.config as { layers: Entry[] }).layers.filter((layer) => layer.class_name.endsWith('OpLambda')).map((layer) => [layer.name, [layer.class_name, layer.config.function, layer.inbound_nodes]]));
  const model = await loadModel(await tfKeras2File(source, 'ops.h5'));
  const dir = tempDir();
  await model.save(join(dir, 'saved.h5'));
  await model.save(join(dir, 'saved/model.json'));
  const h5Config = await readHdf5(new Uint8Array(readFileSync(join(dir, 'saved.h5'))), 'h5', (file) => JSON.parse(readStringAttribute(file as never, 'model_config')!));
  const jsonConfig = JSON.parse(readFileSync(join(dir, 'saved/model.json'), 'utf8')).modelTopology;
  expect(opNodes(h5Config)).toEqual(opNodes(source));
  expect(opNodes(jsonConfig.model_config ?? jsonConfig)).toEqual(opNodes(source));
  model.dispose();
});
