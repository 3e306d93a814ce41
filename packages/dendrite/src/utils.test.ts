import { expect, it } from 'vitest';
import * as dn from 'dendrite';

it('reads like keras.utils: plotModel, modelToDot, toCategorical, padSequences, setRandomSeed', async () => {
  await dn.selectBackend({ prefer: 'cpu' });
  dn.utils.setRandomSeed(1);
  const model = dn.sequential({ layers: [dn.layers.dense({ units: 2, inputShape: [3], name: 'only' })] });
  const before = dn.tf.memory().numTensors;
  expect(dn.utils.modelToDot(model)).toContain('"only" [label=<');
  const { svg } = await dn.utils.plotModel(model, { showLayerNames: true });
  expect(svg).toContain('>only</text>');
  expect(dn.tf.memory().numTensors).toBe(before);
  expect(Array.from(dn.utils.toCategorical([1, 0], 2).values)).toEqual([0, 1, 1, 0]);
  expect(dn.utils.padSequences([[1, 2]], { maxlen: 3 }).shape).toEqual([1, 3]);
  model.dispose();
});
