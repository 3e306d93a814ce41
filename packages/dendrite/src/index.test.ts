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
  expect(dn.tf.getBackend()).toBe('cpu');
  expect(dn.input({ shape: [3] }).shape).toEqual([null, 3]);
  expect(typeof dn.loadModel).toBe('function');
  expect(dn.callbacks.EarlyStopping).toBeDefined();
  model.dispose();
});
