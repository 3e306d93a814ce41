import { afterEach, expect, it } from 'vitest';
import { clearSeed, setSeed, tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { runLayerTest } from '../testing/run-layer-test';
import { resetUniqueNames } from '../engine/unique-names';
import { dropout } from './dropout';

afterEach(() => {
  resetUniqueNames();
  clearSeed();
});

describeEachBackend('Dropout', () => {
  it('passes runLayerTest', async () => {
    await runLayerTest({ makeLayer: () => dropout({ rate: 0.3 }), inputShape: [4, 5], expectedOutputShape: [4, 5], expectedWeightShapes: [] });
  });

  it('drops about rate of the inputs in training, scales the rest, and is the identity otherwise', async () => {
    const layer = dropout({ rate: 0.25 });
    const x = tf.ones([200, 100]);
    await expectNoLeakedTensors(() => {
      const y = layer.apply(x, { training: true });
      const values = y.dataSync();
      const zeros = values.filter((v) => v === 0).length / values.length;
      expect(zeros).toBeGreaterThan(0.23);
      expect(zeros).toBeLessThan(0.27);
      expect(values.every((v) => v === 0 || Math.abs(v - 1 / 0.75) < 1e-6)).toBe(true);
      y.dispose();
      const same = layer.apply(x, { training: false });
      expectArraysClose(same, x);
      same.dispose();
    });
    x.dispose();
  });

  it('repeats its mask for the same seed and drops whole rows with noiseShape', () => {
    const x = tf.ones([4, 6]);
    setSeed(5);
    const first = Array.from(dropout({ rate: 0.5 }).apply(x, { training: true }).dataSync());
    setSeed(5);
    expect(Array.from(dropout({ rate: 0.5 }).apply(x, { training: true }).dataSync())).toEqual(first);
    const rows = dropout({ rate: 0.5, noiseShape: [null, 1], seed: 3 }).apply(x, { training: true }).arraySync() as number[][];
    for (const row of rows) expect(new Set(row).size).toBe(1);
    tf.dispose(x);
  });

  it('rejects a rate outside [0, 1), naming the layer', () => {
    expect(() => dropout({ rate: 1 })).toThrow('Expected rate to be a number in [0, 1), received 1 in layer "dropout"');
  });
});
