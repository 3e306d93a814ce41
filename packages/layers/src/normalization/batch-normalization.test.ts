import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { runLayerTest } from '../testing/run-layer-test';
import { resetUniqueNames } from '../engine/unique-names';
import { batchNormalization, layerNormalization } from './batch-normalization';

afterEach(() => resetUniqueNames());

describeEachBackend('normalization layers', () => {
  it.each([
    ['batchNormalization', () => batchNormalization(), [4, 3], [[3], [3], [3], [3]], 2],
    ['batchNormalization axis 1 no scale', () => batchNormalization({ axis: 1, scale: false }), [4, 2, 3], [[2], [2], [2]], 1],
    ['layerNormalization', () => layerNormalization(), [4, 5], [[5], [5]], 2],
  ] as const)('%s passes runLayerTest', async (_name, make, shape, weights, trainable) => {
    await runLayerTest({ makeLayer: make, inputShape: [...shape], expectedOutputShape: [...shape], expectedWeightShapes: weights.map((w) => [...w]), expectedTrainableCount: trainable });
  });

  it('normalizes by the batch in training, updates the moving statistics, and uses them otherwise', async () => {
    const layer = batchNormalization({ momentum: 0.9, epsilon: 1e-3 });
    const x = tf.tensor2d([[1, 10], [3, 30]]); // means [2, 20], variances [1, 100]
    layer.build([2, 2]);
    await expectNoLeakedTensors(() => {
      const trained = layer.apply(x, { training: true });
      expectArraysClose(trained, [-1 / Math.sqrt(1.001), -10 / Math.sqrt(100.001), 1 / Math.sqrt(1.001), 10 / Math.sqrt(100.001)]);
      trained.dispose();
    });
    expectArraysClose(layer.movingMean!.read(), [0.2, 2]);
    expectArraysClose(layer.movingVariance!.read(), [0.9 + 0.1, 0.9 + 10]);
    const inferred = layer.apply(x, { training: false });
    expectArraysClose(inferred, [(1 - 0.2) / Math.sqrt(1.001), (10 - 2) / Math.sqrt(10.901), (3 - 0.2) / Math.sqrt(1.001), (30 - 2) / Math.sqrt(10.901)]);
    layer.trainable = false;
    const frozen = layer.apply(x, { training: true });
    expectArraysClose(frozen, inferred);
    expectArraysClose(layer.movingMean!.read(), [0.2, 2]);
    expect(layer.nonTrainableWeights).toHaveLength(4);
    tf.dispose([x, inferred, frozen]);
  });

  it('layer-normalizes each sample', () => {
    const y = layerNormalization({ epsilon: 0 }).apply(tf.tensor2d([[1, 3]]));
    expectArraysClose(y, [-1, 1]);
    y.dispose();
  });

  it('names bad arguments', () => {
    expect(() => batchNormalization({ momentum: 2 })).toThrow('Expected momentum in [0, 1], received 2 in layer "batch_normalization"');
  });
});
