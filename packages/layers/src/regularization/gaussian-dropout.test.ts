import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { gaussianDropout } from './gaussian-dropout';

afterEach(() => resetUniqueNames());

describeEachBackend('GaussianDropout', () => {
  it('passes runLayerTest', async () => {
    await runLayerTest({ makeLayer: () => gaussianDropout({ rate: 0.2 }), inputShape: [3, 4], expectedOutputShape: [3, 4], expectedWeightShapes: [], expectTrainingChangesWeights: false });
  });

  it('multiplies by noise of mean 1 and stddev √(rate / (1 − rate)) in training only', () => {
    const x = tf.fill([100, 100], 2);
    const layer = gaussianDropout({ rate: 0.2, seed: 3 });
    const y = layer.apply(x, { training: true });
    const values = Array.from(y.dataSync(), (v) => v / 2);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(1, 1);
    expect(Math.abs(std - Math.sqrt(0.2 / 0.8))).toBeLessThan(0.02);
    const same = layer.apply(x, { training: false });
    expectArraysClose(same, x, 0);
    tf.dispose([x, y, same]);
  });

  it('rejects a rate outside [0, 1), naming the layer', () => {
    expect(() => gaussianDropout({ rate: 1 })).toThrow('Expected rate to be a number in [0, 1), received 1 in layer "gaussian_dropout"');
  });
});
