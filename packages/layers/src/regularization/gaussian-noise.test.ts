import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { gaussianNoise } from './gaussian-noise';

afterEach(() => resetUniqueNames());

function meanAndStd(values: ArrayLike<number>): [number, number] {
  const list = Array.from(values);
  const mean = list.reduce((a, b) => a + b, 0) / list.length;
  return [mean, Math.sqrt(list.reduce((a, b) => a + (b - mean) ** 2, 0) / list.length)];
}

describeEachBackend('GaussianNoise', () => {
  it('passes runLayerTest', async () => {
    await runLayerTest({ makeLayer: () => gaussianNoise({ stddev: 0.1 }), inputShape: [3, 4], expectedOutputShape: [3, 4], expectedWeightShapes: [], expectTrainingChangesWeights: false });
  });

  it('adds noise of stddev in training only, repeatably for a seed', async () => {
    const x = tf.ones([100, 100]);
    await expectNoLeakedTensors(() => {
      const noisy = gaussianNoise({ stddev: 0.5, seed: 1 }).apply(x, { training: true });
      const [mean, std] = meanAndStd(noisy.dataSync());
      expect(mean).toBeCloseTo(1, 1);
      expect(std).toBeGreaterThan(0.48);
      expect(std).toBeLessThan(0.52);
      const again = gaussianNoise({ stddev: 0.5, seed: 1 }).apply(x, { training: true });
      expectArraysClose(again, noisy, 0);
      const clean = gaussianNoise({ stddev: 0.5 }).apply(x, { training: false });
      expectArraysClose(clean, x, 0);
      tf.dispose([noisy, again, clean]);
    });
    x.dispose();
  });

  it('rejects a negative stddev, naming the layer', () => {
    expect(() => gaussianNoise({ stddev: -1 })).toThrow('Expected stddev to be a finite number ≥ 0, received -1 in layer "gaussian_noise"');
  });
});
