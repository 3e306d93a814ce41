import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { reshape } from './reshape';

afterEach(() => resetUniqueNames());

describeEachBackend('Reshape', () => {
  it.each([
    ['with −1', [6, -1], [2, 3, 4], [2, 6, 2]],
    ['fully given', [2, 2, 3], [2, 12], [2, 2, 2, 3]],
    ['to a vector', [-1], [3, 2, 2, 2], [3, 8]],
  ] as const)('passes runLayerTest: %s', async (_name, targetShape, inputShape, outputShape) => {
    await runLayerTest({ makeLayer: () => reshape({ targetShape: [...targetShape] }), inputShape: [...inputShape], expectedOutputShape: [...outputShape], expectedWeightShapes: [] });
  });

  it('keeps the row-major order', () => {
    const x = tf.tensor2d([[1, 2, 3, 4, 5, 6]]);
    const y = reshape({ targetShape: [3, 2] }).apply(x);
    expect(y.arraySync()).toEqual([[[1, 2], [3, 4], [5, 6]]]);
    expectArraysClose(y, [1, 2, 3, 4, 5, 6], 0);
    tf.dispose([x, y]);
  });

  it('names the layer and the sizes when the target shape does not fit', () => {
    expect(() => reshape({ targetShape: [5], name: 'reshape_bad' }).apply(input({ shape: [3, 4] }))).toThrow(
      'Expected targetShape to hold the 12 values of each sample in layer "reshape_bad", received targetShape [5] for inputShape [null, 3, 4]',
    );
    expect(() => reshape({ targetShape: [5, -1], name: 'reshape_free' }).apply(tf.zeros([2, 12]))).toThrow(
      'Expected targetShape to hold the 12 values of each sample in layer "reshape_free", received targetShape [5, -1] for inputShape [2, 12]',
    );
    expect(() => reshape({ targetShape: [-1, -1], name: 'r1' })).toThrow('Expected targetShape to be a list of sizes ≥ 1 with at most one −1, received [-1,-1] in layer "r1"');
    expect(() => reshape({ targetShape: [0, 2], name: 'r2' })).toThrow(/received \[0,2\] in layer "r2"/);
    expect(reshape({ targetShape: [-1, 2] }).apply(input({ shape: [null, 4] })).shape).toEqual([null, null, 2]);
    expect(reshape({ targetShape: [2, -1] }).getConfig()).toMatchObject({ target_shape: [2, -1] });
  });
});
