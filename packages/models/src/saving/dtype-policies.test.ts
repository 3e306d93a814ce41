import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { tf } from '@dendrite/backend';
import { resetUniqueNames } from '@dendrite/layers';
import { expectArraysClose, useBackend, useTempDirs } from '@dendrite/test-utils';
import { loadModel } from '../index';
import { withFloat32Policies } from './dtype-policies';
import { writeArray, writeHdf5, writeNameList } from './hdf5';

const tempDir = useTempDirs('dtype-policies');
beforeAll(() => useBackend('cpu'));
afterEach(() => {
  resetUniqueNames();
  vi.restoreAllMocks();
});

it('reads tf.keras 2 Policy and Keras 3 DTypePolicy objects as their dtype, mixed precision as float32 with one warning', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const plain = { class_name: 'Dense', config: { dtype: { class_name: 'Policy', config: { name: 'float32' } } } };
  expect(withFloat32Policies(plain, 'a.h5')).toEqual({ class_name: 'Dense', config: { dtype: 'float32' } });
  expect(warn).not.toHaveBeenCalled();
  const mixed = {
    layers: [
      { class_name: 'Dense', config: { dtype: { class_name: 'Policy', config: { name: 'mixed_float16' } } } },
      { class_name: 'Dense', config: { dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'mixed_float16' }, registered_name: null } } },
      { class_name: 'Activation', config: { dtype: 'float32' } },
    ],
  };
  expect(withFloat32Policies(mixed, 'b.h5')).toEqual({ layers: [{ class_name: 'Dense', config: { dtype: 'float32' } }, { class_name: 'Dense', config: { dtype: 'float32' } }, { class_name: 'Activation', config: { dtype: 'float32' } }] });
  expect(warn).toHaveBeenCalledTimes(1);
  expect(warn.mock.calls[0][0]).toContain('"b.h5" was saved with the mixed_float16 policy: Dendrite computes in float32');
});

it('loads a tf.keras 2 mixed_float16 file and predicts in float32', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const policy = { class_name: 'Policy', config: { name: 'mixed_float16' } };
  const modelConfig = { class_name: 'Sequential', config: { name: 'sequential', layers: [{ class_name: 'InputLayer', config: { batch_input_shape: [null, 2], dtype: 'float32', name: 'input_1' } }, { class_name: 'Dense', config: { name: 'dense', units: 1, use_bias: false, activation: 'linear', dtype: policy } }] } };
  const bytes = await writeHdf5((file) => {
    file.create_attribute('keras_version', '2.6.0');
    file.create_attribute('backend', 'tensorflow');
    file.create_attribute('model_config', JSON.stringify(modelConfig));
    const weights = file.create_group('model_weights');
    writeNameList(weights, 'layer_names', ['dense']);
    const dense = weights.create_group('dense');
    writeNameList(dense, 'weight_names', ['dense/kernel:0']);
    writeArray(dense, 'dense/kernel:0', { values: Float32Array.of(0.5, -2), shape: [2, 1], dtype: 'float32' });
  }, 'fixture');
  const path = join(tempDir(), 'mixed.h5');
  writeFileSync(path, bytes);
  const model = await loadModel(path);
  expect(warn).toHaveBeenCalledTimes(1);
  const x = tf.tensor2d([[2, 1]]);
  const y = model.predict(x) as tf.Tensor;
  expect(y.dtype).toBe('float32');
  expectArraysClose(y, [-1], 1e-6);
  tf.dispose([x, y]);
  model.dispose();
});
