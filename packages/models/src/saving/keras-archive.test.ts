import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { clearSeed, setSeed, tf } from '@dendrite/backend';
import { readZip } from '@dendrite/backend/internal';
import { ModelCheckpoint } from '@dendrite/callbacks';
import { concatenate, dense, input, resetUniqueNames } from '@dendrite/layers';
import { expectArraysClose, expectNoLeakedTensors, seededArray, useBackend, useTempDirs } from '@dendrite/test-utils';
import { model as functionalModel } from '../functional';
import { Model } from '../model';
import { sequential } from '../sequential';
import { readHdf5, readArray, writeArray, writeHdf5, writeInt64Scalar } from './hdf5';
import { kerasOptimizerVariables } from './keras-optimizer-variables';
import { writeKerasWeightStore } from './keras-weight-store';
import { saveModelBytes } from './model-io';
import { loadModel } from '../load-model';

const tempDir = useTempDirs('keras');
beforeAll(() => useBackend('cpu'));
afterEach(() => {
  resetUniqueNames();
  clearSeed();
});

const x = { values: seededArray(32 * 4, 1), shape: [32, 4] };
const y = { values: seededArray(32 * 3, 2).map((v) => (v > 0 ? 1 : 0)), shape: [32, 3] };

function mlp() {
  const model = sequential({ layers: [dense({ units: 8, activation: 'relu', inputShape: [4] }), dense({ units: 3, activation: 'sigmoid' })] });
  model.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy'] });
  return model;
}

function values(model: Model): number[][] {
  const weights = model.getWeights();
  const out = weights.map((w) => Array.from(w.dataSync()));
  tf.dispose(weights);
  return out;
}

it('writes a .keras zip of metadata.json, config.json and model.weights.h5 in Keras 3 layout', async () => {
  setSeed(3);
  const model = mlp();
  await model.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 });
  const path = join(tempDir(), 'mlp.keras');
  await model.save(path);
  const files = readZip(new Uint8Array(readFileSync(path)), path, ['metadata.json', 'config.json', 'model.weights.h5']);
  expect([...files.keys()].sort()).toEqual(['config.json', 'metadata.json', 'model.weights.h5']);
  const metadata = JSON.parse(new TextDecoder().decode(files.get('metadata.json')));
  expect(metadata.keras_version).toMatch(/^3\./);
  expect(metadata.date_saved).toMatch(/^\d{4}-\d\d-\d\d@\d\d:\d\d:\d\d$/);
  const config = JSON.parse(new TextDecoder().decode(files.get('config.json')));
  expect(config).toMatchObject({ module: 'keras', class_name: 'Sequential', registered_name: null, build_config: { input_shape: [null, 4] } });
  const [inputLayer, first] = config.config.layers;
  expect(inputLayer).toMatchObject({ module: 'keras.layers', class_name: 'InputLayer', config: { batch_shape: [null, 4], dtype: 'float32' } });
  expect(first).toMatchObject({ module: 'keras.layers', class_name: 'Dense', registered_name: null, config: { units: 8, activation: 'relu' } });
  expect(first.config.dtype).toEqual({ module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null });
  expect(first.config.kernel_initializer).toEqual({ module: 'keras.initializers', class_name: 'GlorotUniform', config: { seed: null }, registered_name: null });
  expect(first.config).not.toHaveProperty('batch_input_shape');
  expect(config.compile_config).toMatchObject({ loss: 'binary_crossentropy', metrics: ['accuracy'], optimizer: { module: 'keras.optimizers', class_name: 'Adam' } });

  await readHdf5(files.get('model.weights.h5')!, 'weights', (file) => {
    expect(file.keys().sort()).toEqual(['layers', 'optimizer', 'vars']);
    expect((file.get('layers') as { keys(): string[] }).keys().sort()).toEqual(['dense', 'dense_1']);
    expect(readArray(file, 'layers/dense/vars/0', 'w').shape).toEqual([4, 8]);
    expect(readArray(file, 'layers/dense/vars/1', 'w').shape).toEqual([8]);
    expect(readArray(file, 'layers/dense_1/vars/0', 'w').shape).toEqual([8, 3]);
    const iterations = file.get('optimizer/vars/0') as { metadata: { type: number; size: number }; value: bigint };
    expect(iterations.metadata).toMatchObject({ type: 0, size: 8 }); // int64, as Keras
    expect(Number(iterations.value)).toBe(2);
    expect(readArray(file, 'optimizer/vars/1', 'w').values[0]).toBeCloseTo(0.001, 7); // learning_rate
    // Adam's slots interleave per variable: momentum, velocity of kernel, then of bias…
    expect(readArray(file, 'optimizer/vars/2', 'w').shape).toEqual([4, 8]);
    expect(readArray(file, 'optimizer/vars/3', 'w').shape).toEqual([4, 8]);
    expect(readArray(file, 'optimizer/vars/4', 'w').shape).toEqual([8]);
    expect((file.get('optimizer/vars') as { keys(): string[] }).keys()).toHaveLength(2 + 4 * 2);
  });
  model.dispose();
});

it('loads a .keras archive back: equal predictions, compiled, and 2 + 2 epochs resume as 4', async () => {
  const start = tf.memory().numTensors;
  setSeed(5);
  const straight = mlp();
  await straight.fit(x, y, { epochs: 4, batchSize: 16, shuffle: false, verbose: 0 });
  const expected = values(straight);
  straight.dispose();

  setSeed(5);
  resetUniqueNames();
  const first = mlp();
  await first.fit(x, y, { epochs: 2, batchSize: 16, shuffle: false, verbose: 0 });
  const path = join(tempDir(), 'run.keras');
  await first.save(path);
  const loaded = await loadModel(path);
  expect(loaded.className).toBe('Sequential');
  expect(loaded.compiled?.optimizer.iterations).toBe(4);
  const probe = tf.tensor2d(x.values.slice(0, 8 * 4), [8, 4]);
  const a = first.predict(probe) as tf.Tensor;
  const b = loaded.predict(probe) as tf.Tensor;
  expectArraysClose(b, a, 1e-6);
  tf.dispose([probe, a, b]);
  first.dispose();
  await loaded.fit(x, y, { epochs: 2, batchSize: 16, shuffle: false, verbose: 0 });
  const resumed = values(loaded);
  resumed.forEach((weights, i) => expectArraysClose(weights, expected[i], 1e-5));
  loaded.dispose();
  expect(tf.memory().numTensors).toBe(start);
});

it('round-trips a functional model with two inputs, nodes written as Keras 3 keras_tensor references', async () => {
  const left = input({ shape: [3], name: 'left' });
  const right = input({ shape: [2], name: 'right' });
  const merged = concatenate().apply([dense({ units: 4, name: 'wide' }).apply(left), right]);
  const out = dense({ units: 1, name: 'out' }).apply(merged);
  const model = functionalModel({ inputs: [left, right], outputs: out as never });
  const path = join(tempDir(), 'two.keras');
  await model.save(path);
  const config = JSON.parse(new TextDecoder().decode(readZip(new Uint8Array(readFileSync(path)), path, ['config.json']).get('config.json')));
  expect(config).toMatchObject({ module: 'keras.src.models.functional', class_name: 'Functional', registered_name: 'Functional' });
  const concat = config.config.layers.find((layer: { name: string }) => layer.name === 'concatenate');
  expect(concat.inbound_nodes).toEqual([
    {
      args: [
        [
          { class_name: '__keras_tensor__', config: { shape: [null, 4], dtype: 'float32', keras_history: ['wide', 0, 0] } },
          { class_name: '__keras_tensor__', config: { shape: [null, 2], dtype: 'float32', keras_history: ['right', 0, 0] } },
        ],
      ],
      kwargs: {},
    },
  ]);
  expect(config.config.input_layers).toEqual([
    ['left', 0, 0],
    ['right', 0, 0],
  ]);
  const loaded = await loadModel(path);
  const inputs = [tf.tensor2d(seededArray(5 * 3, 7), [5, 3]), tf.tensor2d(seededArray(5 * 2, 8), [5, 2])];
  await expectNoLeakedTensors(async () => {
    const a = model.predict(inputs) as tf.Tensor;
    const b = loaded.predict(inputs) as tf.Tensor;
    expectArraysClose(b, a, 1e-6);
    tf.dispose([a, b]);
  });
  tf.dispose(inputs);
  model.dispose();
  loaded.dispose();
});

class TwoDense extends Model {
  static override className = 'TwoDense';
  readonly hidden = dense({ units: 5, activation: 'tanh' });
  readonly head = dense({ units: 2 });
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return this.head.apply(this.hidden.apply(inputs)) as tf.Tensor;
  }
}

it('saves a subclassed model\'s weights as .weights.h5 under its attribute names, and refuses .keras for it', async () => {
  const model = new TwoDense({ name: 'two_dense' });
  const probe = tf.tensor2d(seededArray(4 * 3, 9), [4, 3]);
  const a = model.predict(probe) as tf.Tensor;
  const dir = tempDir();
  await expect(model.save(join(dir, 'sub.keras'))).rejects.toThrow(/Expected a Sequential or functional model to save its architecture to ".*sub\.keras", received TwoDense "two_dense"/);
  const path = join(dir, 'sub.weights.h5');
  await model.saveWeights(path);
  await readHdf5(new Uint8Array(readFileSync(path)), path, (file) => {
    expect(readArray(file, 'head/vars/0', path).shape).toEqual([5, 2]);
    expect(readArray(file, 'hidden/vars/0', path).shape).toEqual([3, 5]);
  });
  const other = new TwoDense({ name: 'copy' });
  const warm = other.predict(probe) as tf.Tensor;
  await other.loadWeights(path);
  const b = other.predict(probe) as tf.Tensor;
  expectArraysClose(b, a, 1e-6);
  tf.dispose([probe, a, b, warm]);
  model.dispose();
  other.dispose();
});

it('names the file and the problem for bad archives, and a failed loadWeights changes nothing', async () => {
  const model = mlp();
  const dir = tempDir();
  const path = join(dir, 'ok.keras');
  await model.save(path);
  const bytes = new Uint8Array(readFileSync(path));

  const truncated = join(dir, 'truncated.keras');
  writeFileSync(truncated, bytes.subarray(0, bytes.length - 40));
  await expect(loadModel(truncated)).rejects.toThrow(`Expected a ZIP archive in "${truncated}", received no end-of-central-directory record (truncated or not a ZIP)`);

  const flipped = bytes.slice();
  flipped[Math.floor(bytes.length / 2)] ^= 0xff;
  const corrupt = join(dir, 'corrupt.keras');
  writeFileSync(corrupt, flipped);
  await expect(loadModel(corrupt)).rejects.toThrow(/Expected a ZIP archive in ".*corrupt\.keras", received "model\.weights\.h5" whose CRC-32 does not match/);

  const text = join(dir, 'text.keras');
  writeFileSync(text, 'not a model');
  await expect(loadModel(text)).rejects.toThrow(`Expected a .keras archive, an HDF5 file, a TF.js model.json or a Dendrite archive in "${text}", received a file starting with bytes [6e 6f 74 20 61 20 6d 6f]`);
  await expect(loadModel(join(dir, 'missing.keras'))).rejects.toThrow(/Expected a model file at ".*missing\.keras", received ENOENT/);

  resetUniqueNames();
  const wider = sequential({ layers: [dense({ units: 9, inputShape: [4] }), dense({ units: 3 })] });
  const kept = values(wider);
  await expect(wider.loadWeights(path)).rejects.toThrow(`Expected weight "dense/kernel" of shape [4,9] at "layers/dense/vars"/0 in "${path}", received [4,8]`);
  expect(values(wider)).toEqual(kept);
  await expect(model.save(join(dir, 'model.weights.h5'))).rejects.toThrow(/\.weights\.h5 is saveWeights' format/);
  model.dispose();
  wider.dispose();
});

it('leaves weights and optimizer as they were when only the optimizer state in a .weights.h5 does not fit', async () => {
  const model = mlp();
  await model.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 });
  const [weights, iterations] = [values(model), model.compiled?.optimizer.iterations];
  resetUniqueNames();
  const source = sequential({ layers: [dense({ units: 8, activation: 'relu', inputShape: [4] }), dense({ units: 3, activation: 'sigmoid' })] });
  // Weights that fit (another model's), then Adam's variables with dense/kernel's momentum transposed.
  const slots = kerasOptimizerVariables(model);
  const path = join(tempDir(), 'bad-optimizer.weights.h5');
  writeFileSync(path, await writeHdf5((file) => {
    writeKerasWeightStore(file, source);
    const vars = file.create_group('optimizer').create_group('vars');
    writeInt64Scalar(vars, '0', 7);
    slots.slice(1).forEach((slot, i) => writeArray(vars, String(i + 1), { shape: i === 1 ? [...slot.shape].reverse() : slot.shape, dtype: 'float32', values: slot.values as Float32Array }));
  }, path));
  await expect(model.loadWeights(path)).rejects.toThrow(`Expected the state of optimizer "adam" for model "${model.name}" in "${path}", received slot "momentum" of "dense/kernel" with shape [8,4] (expected [4,8])`);
  expect(values(model)).toEqual(weights);
  expect(model.compiled?.optimizer.iterations).toBe(iterations);
  model.dispose();
  source.dispose();
});

it('lets ModelCheckpoint write .keras and .weights.h5 checkpoints through the same saving API', async () => {
  const model = mlp();
  const dir = tempDir();
  const whole = new ModelCheckpoint(join(dir, 'ckpt-{epoch:02d}.keras'));
  const weights = new ModelCheckpoint(join(dir, 'w-{epoch:02d}.weights.h5'), { saveWeightsOnly: true });
  await model.fit(x, y, { epochs: 2, batchSize: 16, verbose: 0, callbacks: [whole, weights] });
  const restored = await loadModel(join(dir, 'ckpt-02.keras'));
  expect(restored.compiled?.optimizer.iterations).toBe(4);
  expect(values(restored)).toEqual(values(model));
  resetUniqueNames();
  const fresh = mlp();
  await fresh.loadWeights(join(dir, 'w-01.weights.h5'));
  const first = await loadModel(join(dir, 'ckpt-01.keras'));
  expect(values(fresh)).toEqual(values(first));
  for (const m of [model, restored, fresh, first]) m.dispose();
});

it('gives the bytes of a .keras or .h5 file for the browser, which loadModel reads back', async () => {
  const model = mlp();
  for (const format of ['keras', 'h5'] as const) {
    const bytes = await saveModelBytes(model, format);
    const loaded = await loadModel(bytes);
    expect(values(loaded)).toEqual(values(model));
    loaded.dispose();
  }
  await expect(model.save('downloads://mlp.keras')).rejects.toThrow(
    'Expected a browser page to download "mlp.keras", received a runtime without a document: in Node, save to a file path',
  );
  model.dispose();
});
