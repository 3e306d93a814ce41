import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectArraysClose } from '@dendrite/backend/testing';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { normalization } from './normalization';

afterEach(() => resetUniqueNames());

const ADAPT_DATA = [[0, 7, 4], [2, 9, 6], [0, 7, 4], [2, 9, 6]];

describeEachBackend('Normalization', () => {
  it('passes runLayerTest, given statistics or adapted ones', async () => {
    await runLayerTest({ makeLayer: () => normalization({ mean: [1, 2, 3], variance: [1, 4, 9] }), inputShape: [2, 3], expectedOutputShape: [2, 3], expectedWeightShapes: [] });
    await runLayerTest({ makeLayer: () => normalization({ axis: -1 }), inputShape: [2, 4, 3], expectedOutputShape: [2, 4, 3], expectedWeightShapes: [[3], [3]], expectedTrainableCount: 0 });
  });

  it('adapts per feature and normalizes as Keras: (x − mean) / max(√variance, 1e−7)', async () => {
    const layer = normalization({ axis: -1 });
    await layer.adapt(ADAPT_DATA);
    expectArraysClose(layer.apply(tf.tensor2d([[0, 7, 4]])), [-1, -1, -1]);
    expectArraysClose(layer.weights[0].read(), [1, 8, 5]);
    expectArraysClose(layer.weights[1].read(), [1, 1, 1]);
    const inverse = normalization({ axis: -1, invert: true });
    await inverse.adapt(ADAPT_DATA);
    expectArraysClose(inverse.apply(tf.tensor2d([[-1, -1, -1]])), [0, 7, 4]);
  });

  it('adapts one mean overall with axis null, and takes given statistics', async () => {
    const layer = normalization({ axis: null });
    await layer.adapt([1, 2, 3, 4, 5]);
    expectArraysClose(layer.apply(tf.tensor1d([1, 2, 3])), [-Math.SQRT2, -Math.SQRT1_2, 0]);
    expectArraysClose(normalization({ mean: 3, variance: 2 }).apply(tf.tensor2d([[1], [2], [3]])), [-Math.SQRT2, -Math.SQRT1_2, 0]);
    // A constant feature has variance 0: divided by 1e−7, not by 0.
    expectArraysClose(normalization({ mean: 1, variance: 0 }).apply(tf.tensor1d([1])), [0]);
  });

  it('adapts over a stream of batches exactly', async () => {
    const layer = normalization();
    await layer.adapt([tf.tensor2d([[0, 7, 4], [2, 9, 6]]), tf.tensor2d([[0, 7, 4], [2, 9, 6]])]);
    expectArraysClose(layer.weights[0].read(), [1, 8, 5]);
  });

  it('refuses a mean without a variance and a bad axis', () => {
    expect(() => normalization({ mean: 1 })).toThrow(/both mean and variance/);
    expect(() => normalization({ axis: 3 }).apply(tf.zeros([2, 2]))).toThrow(/axis in \[−2, 2\)/);
  });
});
