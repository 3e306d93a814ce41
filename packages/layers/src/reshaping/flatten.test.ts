import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { flatten } from './flatten';

afterEach(() => resetUniqueNames());

describeEachBackend('Flatten', () => {
  it.each([
    ['rank 4', [2, 3, 4, 2], [2, 24]],
    ['rank 3', [2, 3, 4], [2, 12]],
    ['rank 2', [3, 5], [3, 5]],
  ] as const)('passes runLayerTest: %s', async (_name, inputShape, outputShape) => {
    await runLayerTest({ makeLayer: () => flatten(), inputShape: [...inputShape], expectedOutputShape: [...outputShape], expectedWeightShapes: [] });
  });

  it('keeps the row-major order and makes [batch] inputs [batch, 1]', () => {
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2, 1]);
    const vector = tf.tensor1d([7, 8]);
    const [a, b] = [flatten().apply(x), flatten().apply(vector)];
    expectArraysClose(a, [1, 2, 3, 4, 5, 6, 7, 8], 0);
    expect(a.shape).toEqual([2, 4]);
    expect(b.shape).toEqual([2, 1]);
    tf.dispose([x, vector, a, b]);
  });

  it('computes symbolic shapes and refuses channels_first', () => {
    expect(flatten().apply(input({ shape: [28, 28, 1] })).shape).toEqual([null, 784]);
    expect(flatten().apply(input({ shape: [null, 4] })).shape).toEqual([null, null]);
    expect(flatten().getConfig()).toMatchObject({ data_format: 'channels_last' });
    expect(() => flatten({ dataFormat: 'channels_first', name: 'f1' })).toThrow(/Expected dataFormat to be channels_last.*in layer "f1"/);
  });
});
