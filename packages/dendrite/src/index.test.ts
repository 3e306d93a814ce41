import { expect, it } from 'vitest';
import * as dn from 'dendrite';
import { expectNoLeakedTensors } from '@dendrite/test-utils';

it('reads like keras: dn.sequential, dn.layers, dn.optimizers, dn.callbacks, dn.metrics, dn.datasets', async () => {
  await dn.selectBackend({ prefer: 'cpu' });
  dn.setSeed(3);
  const model = dn.sequential({ layers: [dn.layers.dense({ units: 4, activation: 'relu', inputShape: [2] }), dn.layers.dense({ units: 1, activation: 'sigmoid' })] });
  model.compile({ optimizer: dn.optimizers.adam({ learningRate: 0.05 }), loss: 'binary_crossentropy', metrics: ['accuracy'] });
  const x = [[0, 0], [0, 1], [1, 0], [1, 1]];
  const y = [[0], [1], [1], [1]];
  await model.fit(x, y, { epochs: 1, verbose: 0 });
  const history = await expectNoLeakedTensors(() => model.fit(x, y, { epochs: 50, verbose: 0, callbacks: [dn.callbacks.earlyStopping({ monitor: 'loss', patience: 100 })] }));
  expect(history.history.loss.at(-1)).toBeLessThan(history.history.loss[0]);
  expect(dn.metrics.get('acc').name).toBe('acc');
  expect(typeof dn.datasets.mnist).toBe('function');
  for (const name of ['textDatasetFromDirectory', 'imageDatasetFromDirectory', 'timeseriesDatasetFromArray'] as const) expect(typeof dn.datasets[name]).toBe('function');
  for (const name of ['normalization', 'discretization', 'stringLookup', 'integerLookup', 'categoryEncoding', 'hashing', 'textVectorization', 'lambda', 'TextVectorization', 'StringLookup'] as const) expect(typeof dn.layers[name]).toBe('function');
  expect(typeof dn.tuner.RandomSearch).toBe('function');
  expect(typeof dn.tuner.randomizedSearchCV).toBe('function');
  expect(dn.tf.getBackend()).toBe('cpu');
  expect(dn.input({ shape: [3] }).shape).toEqual([null, 3]);
  expect(typeof dn.loadModel).toBe('function');
  expect(dn.callbacks.EarlyStopping).toBeDefined();
  model.dispose();
});

it('trains on dn.augment flows and augmentation layers, as Keras, leaving no tensor behind', async () => {
  await dn.selectBackend({ prefer: 'cpu' });
  dn.setSeed(5);
  // 40 images 6×6×1: class 1 is bright on the left half, class 0 on the right half.
  const n = 40;
  const values = new Float32Array(n * 36);
  const labels = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % 2;
    for (let p = 0; p < 36; p++) values[i * 36 + p] = (p % 6 < 3) === (i % 2 === 1) ? 255 : 0;
  }
  const datagen = new dn.augment.ImageDataGenerator({ rescale: 1 / 255, heightShiftRange: 1, validationSplit: 0.25 });
  const model = dn.sequential({
    layers: [
      dn.layers.inputLayer({ inputShape: [6, 6, 1] }),
      dn.augment.randomContrast({ factor: 0.1, valueRange: [0, 1] }),
      dn.layers.conv2d({ filters: 2, kernelSize: 3, activation: 'relu' }),
      dn.layers.flatten(),
      dn.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  model.compile({ optimizer: dn.optimizers.adam({ learningRate: 0.05 }), loss: 'binary_crossentropy', metrics: ['accuracy'] });
  const x = { values, shape: [n, 6, 6, 1] };
  const y = { values: labels, shape: [n] };
  const train = datagen.flow(x, y, { batchSize: 8, subset: 'training', seed: 1 });
  const validation = datagen.flow(x, y, { batchSize: 8, subset: 'validation', shuffle: false });
  await model.fit(train, { epochs: 1, verbose: 0 });
  const history = await expectNoLeakedTensors(() => model.fit(train, { epochs: 15, verbose: 0, validationData: validation }));
  expect(train.length).toBe(4);
  expect(history.history.loss.at(-1)).toBeLessThan(history.history.loss[0]);
  expect(history.history.val_accuracy.at(-1)).toBeGreaterThan(0.8);
  model.dispose();
});
