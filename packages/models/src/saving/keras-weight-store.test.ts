import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { dense, resetUniqueNames } from '@dendrite/layers';
import { expectArraysClose, seededArray, useBackend, useTempDirs } from '@dendrite/test-utils';
import { sequential } from '../sequential';
import { writeArray, writeHdf5 } from './hdf5';
import { kerasWeightPaths } from './keras-weight-paths';

const tempDir = useTempDirs('weight-store');
beforeAll(() => useBackend('cpu'));
afterEach(() => resetUniqueNames());

it('reads weight paths Keras 3.0 wrote on Windows (one group named "layers\\sequential\\layers\\dense")', async () => {
  const inner = sequential({ layers: [dense({ units: 3, inputShape: [2] })] });
  const model = sequential({ layers: [inner, dense({ units: 1 })] });
  tf.dispose(tf.tidy(() => model.predict(tf.zeros([1, 2])) as tf.Tensor));
  const before = tf.memory().numTensors;
  const paths = kerasWeightPaths(model).filter((entry) => entry.weights.length > 0);
  expect(paths.map((entry) => entry.path)).toEqual(['layers/sequential/layers/dense', 'layers/dense']);
  const values = paths.map((entry) => entry.weights.map((weight, i) => Float32Array.from(seededArray(weight.shape.reduce((a, b) => a * b, 1), 10 + i))));
  const bytes = await writeHdf5((file) => {
    paths.forEach((entry, p) => {
      const vars = file.create_group(entry.path.replaceAll('/', '\\')).create_group('vars');
      entry.weights.forEach((weight, i) => writeArray(vars, String(i), { values: values[p][i], shape: [...weight.shape], dtype: 'float32' }));
    });
  }, 'fixture');
  const path = join(tempDir(), 'windows.weights.h5');
  writeFileSync(path, bytes);
  await model.loadWeights(path);
  const weights = model.getWeights();
  values.flat().forEach((expected, i) => expectArraysClose(weights[i], expected, 0));
  tf.dispose(weights);
  expect(tf.memory().numTensors).toBe(before);
  model.dispose();
});
