import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { tf } from '@dendrite/backend';
import { resetUniqueNames } from '@dendrite/layers';
import { expectArraysClose, useBackend, useTempDirs } from '@dendrite/test-utils';
import { writeArray, writeHdf5, writeNameList } from './hdf5';
import { legacyOptimizerConfig } from './legacy-optimizer-config';
import { loadModel } from '../index';

const tempDir = useTempDirs('legacy-optimizer');
beforeAll(() => useBackend('cpu'));
afterEach(() => {
  resetUniqueNames();
  vi.restoreAllMocks();
});

const KERNEL = Float32Array.of(1, 2, 3, 4, 5, 6);

/** A Dense(2) model as Keras 2's `model.save('x.h5')` writes it, with `optimizer` in its training_config. */
async function fileWithOptimizer(optimizer: unknown, name: string): Promise<string> {
  const modelConfig = {
    class_name: 'Sequential',
    config: { name: 'sequential', layers: [{ class_name: 'Dense', config: { name: 'dense', units: 2, activation: 'linear', use_bias: false, batch_input_shape: [null, 3] } }] },
  };
  const bytes = await writeHdf5((file) => {
    file.create_attribute('backend', 'tensorflow');
    file.create_attribute('keras_version', '2.2.4');
    file.create_attribute('model_config', JSON.stringify(modelConfig));
    file.create_attribute('training_config', JSON.stringify({ loss: 'mean_squared_error', metrics: [], loss_weights: null, optimizer_config: optimizer }));
    const group = file.create_group('model_weights');
    writeNameList(group, 'layer_names', ['dense']);
    const dense = group.create_group('dense');
    writeNameList(dense, 'weight_names', ['dense/kernel:0']);
    writeArray(dense, 'dense/kernel:0', { values: KERNEL, shape: [3, 2], dtype: 'float32' });
  }, 'fixture');
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

function expectPredicts(model: { predict(x: tf.Tensor): unknown; dispose(): void }): void {
  const x = tf.tensor2d([[1, 1, 1]]);
  const y = model.predict(x) as tf.Tensor;
  expectArraysClose(y, [9, 12], 1e-6);
  tf.dispose([x, y]);
  model.dispose();
}

it('reads Custom>, legacy-module and LossScaleOptimizer names, lr and decay as Keras spells them today', () => {
  expect(legacyOptimizerConfig({ class_name: 'Custom>Adam', config: { name: 'Adam', learning_rate: 0.01, is_legacy_optimizer: false } })).toEqual({ class_name: 'Adam', config: { name: 'Adam', learning_rate: 0.01, is_legacy_optimizer: false } });
  expect(legacyOptimizerConfig({ class_name: 'keras.optimizers.legacy.SGD', config: { lr: 0.1, decay: 0 } })).toEqual({ class_name: 'SGD', config: { learning_rate: 0.1 } });
  expect(legacyOptimizerConfig({ class_name: 'Adam', config: { lr: 0.01, decay: 1e-4 } })).toEqual({
    class_name: 'Adam',
    config: { learning_rate: { class_name: 'InverseTimeDecay', config: { initial_learning_rate: 0.01, decay_steps: 1, decay_rate: 1e-4, staircase: false } } },
  });
  expect(legacyOptimizerConfig({ class_name: 'LossScaleOptimizer', config: { inner_optimizer: { class_name: 'RMSprop', config: { lr: 0.002 } }, dynamic: true } })).toEqual({ class_name: 'RMSprop', config: { learning_rate: 0.002 } });
  expect(legacyOptimizerConfig('adam')).toBe('adam');
});

it('compiles a tf.keras 2.11+ file whose optimizer is "Custom>Adam"', async () => {
  const path = await fileWithOptimizer({ class_name: 'Custom>Adam', config: { name: 'Adam', weight_decay: null, clipnorm: null, global_clipnorm: null, clipvalue: null, use_ema: false, ema_momentum: 0.99, ema_overwrite_frequency: null, jit_compile: false, is_legacy_optimizer: false, learning_rate: 0.01, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false } }, 'custom-adam.h5');
  const model = await loadModel(path);
  expect(model.compiled?.optimizer.className).toBe('Adam');
  expect(model.compiled?.optimizer.getConfig().learning_rate).toBeCloseTo(0.01, 8);
  expectPredicts(model);
});

it('applies Keras 2.2\'s lr and decay as the inverse-time decay Keras 2 applied: lr / (1 + decay · iterations)', async () => {
  const path = await fileWithOptimizer({ class_name: 'SGD', config: { lr: 0.1, momentum: 0, decay: 0.5, nesterov: false } }, 'sgd-decay.h5');
  const model = await loadModel(path);
  const before = tf.memory().numTensors;
  const x = tf.tensor2d([[1, 0, 0]]);
  const y = tf.tensor2d([[0, 0]]);
  // MSE over 2 outputs: dL/dw₀ⱼ = (w₀ⱼ·1 − 0)·2/2 = w₀ⱼ. Step 0 at lr 0.1, step 1 at 0.1 / (1 + 0.5).
  await model.fit(x, y, { epochs: 2, batchSize: 1, shuffle: false, verbose: 0 });
  const [kernel] = model.getWeights();
  const first = [1, 2].map((w) => w * (1 - 0.1));
  const second = first.map((w) => w * (1 - 0.1 / 1.5));
  expectArraysClose(kernel.dataSync().slice(0, 2), second, 1e-6);
  tf.dispose([x, y, kernel]);
  expect(tf.memory().numTensors).toBe(before);
  model.dispose();
});

it('loads a file whose optimizer Dendrite cannot restore uncompiled, with one warning naming the file and the optimizer', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const path = await fileWithOptimizer({ class_name: 'NotAnOptimizerKerasHas', config: {} }, 'user-optimizer.h5');
  await expect(loadModel(path)).rejects.toThrow(/Unknown optimizer "NotAnOptimizerKerasHas".*customObjects/);
  const unknownKeras = await fileWithOptimizer({ class_name: 'Adadelta', config: { lr: 1.0, rho: 0.95, epsilon: 1e-7, decay: 0 } }, 'adadelta.h5');
  const restorable = await fileWithOptimizer({ class_name: 'Adam', config: { learning_rate: 0.01, use_ema: true } }, 'ema.h5');
  for (const file of [unknownKeras, restorable]) {
    warn.mockClear();
    const model = await loadModel(file);
    const adadeltaKnown = file === unknownKeras && model.compiled !== undefined;
    if (!adadeltaKnown) {
      expect(model.compiled).toBeUndefined();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0][0]).toContain(`Loaded "${file}" uncompiled: its optimizer "${file === unknownKeras ? 'Adadelta' : 'Adam'}" cannot be restored`);
    }
    expectPredicts(model);
  }
  warn.mockClear();
  const uncompiled = await loadModel(restorable, { compile: false });
  expect(uncompiled.compiled).toBeUndefined();
  expect(warn).not.toHaveBeenCalled();
  expectPredicts(uncompiled);
});
