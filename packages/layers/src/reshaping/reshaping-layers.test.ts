import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runLayerTest } from '../testing/run-layer-test';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { flatten, permute, repeatVector, reshape } from './reshaping-layers';
import { cropping2d, upSampling2d, zeroPadding2d } from './spatial-layers';

afterEach(() => resetUniqueNames());

describeEachBackend('reshaping layers', () => {
  it.each([
    ['flatten', () => flatten(), [2, 3, 4], [2, 12]],
    ['reshape', () => reshape({ targetShape: [6, -1] }), [2, 3, 4], [2, 6, 2]],
    ['permute', () => permute({ dims: [2, 1] }), [2, 3, 4], [2, 4, 3]],
    ['repeatVector', () => repeatVector({ n: 3 }), [2, 4], [2, 3, 4]],
    ['zeroPadding2d', () => zeroPadding2d({ padding: [[1, 0], [2, 1]] }), [1, 3, 3, 2], [1, 4, 6, 2]],
    ['cropping2d', () => cropping2d({ cropping: 1 }), [1, 5, 5, 2], [1, 3, 3, 2]],
    ['upSampling2d', () => upSampling2d({ size: [2, 3] }), [1, 2, 2, 1], [1, 4, 6, 1]],
    ['upSampling2d bilinear', () => upSampling2d({ interpolation: 'bilinear' }), [1, 2, 2, 1], [1, 4, 4, 1]],
  ] as const)('%s passes runLayerTest', async (_name, make, inputShape, outputShape) => {
    await runLayerTest({ makeLayer: make, inputShape: [...inputShape], expectedOutputShape: [...outputShape], expectedWeightShapes: [] });
  });

  it('moves values as hand computed', () => {
    const x = tf.tensor3d([[[1, 2], [3, 4]]]);
    const cases: Array<[tf.Tensor, number[]]> = [
      [permute({ dims: [2, 1] }).apply(x), [1, 3, 2, 4]],
      [repeatVector({ n: 2 }).apply(tf.tensor2d([[5, 6]])), [5, 6, 5, 6]],
      [zeroPadding2d({ padding: [[1, 0], [0, 1]] }).apply(tf.tensor4d([7], [1, 1, 1, 1])), [0, 0, 7, 0]],
      [cropping2d({ cropping: [[1, 0], [0, 1]] }).apply(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1])), [3]],
      [upSampling2d().apply(tf.tensor4d([1, 2], [1, 1, 2, 1])), [1, 1, 2, 2, 1, 1, 2, 2]],
    ];
    for (const [result, expected] of cases) expectArraysClose(result, expected, 0);
    tf.dispose([x, ...cases.map(([r]) => r)]);
  });

  it('names a target shape that does not fit, and bad arguments', () => {
    expect(() => reshape({ targetShape: [5], name: 'reshape_bad' }).apply(input({ shape: [3, 4] }))).toThrow(
      'Expected a target shape holding 12 values per sample in layer "reshape_bad", received targetShape [5] for input [null, 3, 4]',
    );
    expect(() => reshape({ targetShape: [-1, -1] })).toThrow(/at most one −1/);
    expect(() => permute({ dims: [1, 3] })).toThrow(/Expected dims to be a permutation of 1…2, received \[1,3\]/);
    expect(flatten().apply(input({ shape: [28, 28, 1] })).shape).toEqual([null, 784]);
  });
});
