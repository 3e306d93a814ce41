import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { deserializeLayer, serializeLayer } from '../engine/layer-registry';
import { Discretization, discretization } from './discretization';

afterEach(() => resetUniqueNames());

const INPUT = [[-1.5, 1.0, 3.4, 0.5], [0.0, 3.0, 1.3, 0.0]];
const values = (tensor: tf.Tensor) => {
  const array = tensor.arraySync();
  tensor.dispose();
  return array;
};

describeEachBackend('Discretization', () => {
  it('passes runLayerTest', async () => {
    await runLayerTest({ makeLayer: () => discretization({ binBoundaries: [-0.5, 0, 0.5] }), inputShape: [2, 4], expectedOutputShape: [2, 4], expectedWeightShapes: [] });
    await runLayerTest({ makeLayer: () => discretization({ binBoundaries: [0], outputMode: 'count' }), inputShape: [2, 4], expectedOutputShape: [2, 2], expectedWeightShapes: [] });
  });

  it('bins as Keras docstrings, given boundaries or adapted quantiles', async () => {
    expect(values(discretization({ binBoundaries: [0, 1, 2] }).apply(tf.tensor2d(INPUT)))).toEqual([[0, 2, 3, 1], [1, 3, 2, 1]]);
    const adapted = discretization({ numBins: 4, epsilon: 0.01 });
    await adapted.adapt(INPUT);
    expect(adapted.binBoundaries).toEqual([0, 0.5, Math.fround(1.3)]);
    expect(values(adapted.apply(tf.tensor2d(INPUT)))).toEqual([[0, 2, 3, 2], [1, 3, 3, 1]]);
  });

  it('adapts quantiles of a larger stream close to the true ones', async () => {
    const layer = discretization({ numBins: 4 });
    const batches = [0, 1, 2, 3].map((batch) => Array.from({ length: 250 }, (_, index) => ((index * 4 + batch) * 37) % 1000));
    await layer.adapt(batches.map((batch) => tf.tensor1d(batch)));
    layer.binBoundaries!.forEach((boundary, index) => expect(Math.abs(boundary - (index + 1) * 250)).toBeLessThan(15));
  });

  it('round-trips an adapted layer through its config, as Keras', async () => {
    const layer = discretization({ numBins: 4 });
    await layer.adapt(INPUT);
    const rebuilt = deserializeLayer(JSON.parse(JSON.stringify(serializeLayer(layer)))) as Discretization;
    expect(rebuilt.binBoundaries).toEqual(layer.binBoundaries);
    expect(() => discretization({})).toThrow(/either binBoundaries or numBins/);
    expect(() => discretization({ numBins: 2 }).apply(tf.zeros([1, 1]))).toThrow(/adapt/);
  });
});
