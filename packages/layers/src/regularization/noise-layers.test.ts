import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runLayerTest } from '../testing/run-layer-test';
import { resetUniqueNames } from '../engine/unique-names';
import { alphaDropout, gaussianDropout, gaussianNoise, spatialDropout1d, spatialDropout2d } from './noise-layers';

afterEach(() => resetUniqueNames());

describeEachBackend('noise layers', () => {
  it.each([
    ['gaussianNoise', () => gaussianNoise({ stddev: 0.1 }), [3, 4]],
    ['gaussianDropout', () => gaussianDropout({ rate: 0.2 }), [3, 4]],
    ['alphaDropout', () => alphaDropout({ rate: 0.2 }), [3, 4]],
    ['spatialDropout1d', () => spatialDropout1d({ rate: 0.3 }), [2, 5, 4]],
    ['spatialDropout2d', () => spatialDropout2d({ rate: 0.3 }), [2, 3, 3, 4]],
  ] as const)('%s passes runLayerTest and is the identity outside training', async (_name, make, shape) => {
    await runLayerTest({ makeLayer: make, inputShape: [...shape], expectedOutputShape: [...shape], expectedWeightShapes: [] });
    const x = tf.ones([...shape]);
    const y = make().apply(x, { training: false });
    expectArraysClose(y, x);
    tf.dispose([x, y]);
  });

  it('keeps the statistics Keras promises', () => {
    const x = tf.ones([100, 100]);
    const noisy = gaussianNoise({ stddev: 0.5, seed: 1 }).apply(x, { training: true });
    const values = Array.from(noisy.dataSync() as Float32Array);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    expect(mean).toBeCloseTo(1, 1);
    expect(Math.sqrt(variance)).toBeCloseTo(0.5, 1);
    const channels = spatialDropout1d({ rate: 0.5, seed: 2 }).apply(tf.ones([1, 6, 8]), { training: true }).arraySync() as number[][][];
    for (let c = 0; c < 8; c++) expect(new Set(channels[0].map((row) => row[c])).size).toBe(1);
    tf.dispose([x, noisy]);
  });
});
