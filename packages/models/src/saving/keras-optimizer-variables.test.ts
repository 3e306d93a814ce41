import { afterEach, beforeAll, expect, it } from 'vitest';
import { clearSeed, setSeed, tf } from '@dendrite/backend';
import { dense, resetUniqueNames } from '@dendrite/layers';
import type { OptimizerName } from '@dendrite/optimizers';
import { expectArraysClose, seededArray, useBackend } from '@dendrite/test-utils';
import { sequential } from '../sequential';
import type { ReadArray } from './hdf5';
import { applyKerasOptimizerVariables, kerasOptimizerVariables } from './keras-optimizer-variables';

beforeAll(() => useBackend('cpu'));
afterEach(() => {
  resetUniqueNames();
  clearSeed();
});

const x = { values: seededArray(16 * 4, 1), shape: [16, 4] };
const y = { values: seededArray(16 * 3, 2), shape: [16, 3] };

async function trained(optimizer: OptimizerName) {
  setSeed(5);
  const model = sequential({ layers: [dense({ units: 3, inputShape: [4] })] });
  model.compile({ optimizer, loss: 'mse' });
  await model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
  return model;
}

function asRead(variables: ReturnType<typeof kerasOptimizerVariables>): ReadArray[] {
  return variables.map((variable) => ({
    shape: variable.shape,
    values: typeof variable.values === 'number' ? Float32Array.of(variable.values) : variable.values,
  })) as ReadArray[];
}

it("numbers Adadelta's slots in Keras 3's two build loops", async () => {
  const model = await trained('adadelta');
  const names = kerasOptimizerVariables(model).map((variable) => variable.name);
  expect(names).toEqual([
    'adadelta/iteration', 'adadelta/learning_rate',
    'adadelta/dense_kernel_accumulated_grad', 'adadelta/dense_bias_accumulated_grad',
    'adadelta/dense_kernel_accumulated_delta_var', 'adadelta/dense_bias_accumulated_delta_var',
  ]);
  model.dispose();
});

it("writes Adafactor's factored slots with their own shapes and restores them", async () => {
  const model = await trained('adafactor');
  const variables = kerasOptimizerVariables(model);
  expect(variables.map((variable) => [variable.name, variable.shape])).toEqual([
    ['adafactor/iteration', []], ['adafactor/learning_rate', []],
    ['adafactor/dense_kernel_r', [4]], ['adafactor/dense_kernel_c', [3]], ['adafactor/dense_kernel_velocity', [4, 3]],
    ['adafactor/dense_bias_r', []], ['adafactor/dense_bias_c', []], ['adafactor/dense_bias_velocity', [3]],
  ]);
  const again = await trained('adafactor');
  const start = tf.memory().numTensors;
  applyKerasOptimizerVariables(again, asRead(variables), 'test.keras');
  expect(tf.memory().numTensors).toBe(start);
  const restored = kerasOptimizerVariables(again);
  restored.forEach((variable, index) => {
    expect(variable.shape).toEqual(variables[index].shape);
    expectArraysClose(variable.values as Float32Array, variables[index].values as Float32Array);
  });
  model.dispose();
  again.dispose();
});
