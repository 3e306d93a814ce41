import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { permute } from './permute';

afterEach(() => resetUniqueNames());

describeEachBackend('Permute', () => {
  it.each([
    ['swap', [2, 1], [2, 3, 4], [2, 4, 3]],
    ['rotate', [3, 1, 2], [2, 3, 4, 5], [2, 5, 3, 4]],
    ['identity', [1, 2], [2, 3, 4], [2, 3, 4]],
  ] as const)('passes runLayerTest: %s', async (_name, dims, inputShape, outputShape) => {
    await runLayerTest({ makeLayer: () => permute({ dims: [...dims] }), inputShape: [...inputShape], expectedOutputShape: [...outputShape], expectedWeightShapes: [] });
  });

  it('moves values as hand computed, counting axes from 1', () => {
    const x = tf.tensor3d([[[1, 2, 3], [4, 5, 6]]]);
    const y = permute({ dims: [2, 1] }).apply(x);
    expect(y.arraySync()).toEqual([[[1, 4], [2, 5], [3, 6]]]);
    tf.dispose([x, y]);
  });

  it('computes symbolic shapes and names bad dims and inputs', () => {
    expect(permute({ dims: [2, 1] }).apply(input({ shape: [10, 64] })).shape).toEqual([null, 64, 10]);
    expect(() => permute({ dims: [0, 1], name: 'p1' })).toThrow('Expected dims to be a permutation of 1…2 (the axes after the batch), received [0,1] in layer "p1"');
    expect(() => permute({ dims: [1, 1], name: 'p2' })).toThrow(/received \[1,1\] in layer "p2"/);
    expect(() => permute({ dims: [2, 1], name: 'p3' }).apply(tf.zeros([2, 3, 4, 5]))).toThrow('Expected inputShape of rank 3, received [2, 3, 4, 5] in layer "p3"');
  });
});
