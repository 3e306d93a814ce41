import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { repeatVector } from './repeat-vector';

afterEach(() => resetUniqueNames());

describeEachBackend('RepeatVector', () => {
  it.each([
    ['n 3', 3, [2, 4], [2, 3, 4]],
    ['n 1', 1, [3, 2], [3, 1, 2]],
  ] as const)('passes runLayerTest: %s', async (_name, n, inputShape, outputShape) => {
    await runLayerTest({ makeLayer: () => repeatVector({ n }), inputShape: [...inputShape], expectedOutputShape: [...outputShape], expectedWeightShapes: [] });
  });

  it('repeats every sample n times', () => {
    const x = tf.tensor2d([[5, 6], [7, 8]]);
    const y = repeatVector({ n: 2 }).apply(x);
    expect(y.arraySync()).toEqual([[[5, 6], [5, 6]], [[7, 8], [7, 8]]]);
    tf.dispose([x, y]);
  });

  it('computes symbolic shapes and names bad arguments and inputs', () => {
    expect(repeatVector({ n: 4 }).apply(input({ shape: [32] })).shape).toEqual([null, 4, 32]);
    expect(() => repeatVector({ n: 0, name: 'r1' })).toThrow('Expected n to be an integer ≥ 1, received 0 in layer "r1"');
    expect(() => repeatVector({ n: 2, name: 'r2' }).apply(tf.zeros([2, 3, 4]))).toThrow('Expected inputShape of rank 2, received [2, 3, 4] in layer "r2"');
  });
});
