import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { zeroPadding1d } from './zero-padding1d';
import { zeroPadding2d } from './zero-padding2d';

afterEach(() => resetUniqueNames());

describeEachBackend('ZeroPadding1D and ZeroPadding2D', () => {
  it.each([
    ['2d default', () => zeroPadding2d(), [1, 3, 3, 2], [1, 5, 5, 2]],
    ['2d [rows, columns]', () => zeroPadding2d({ padding: [2, 0] }), [1, 3, 3, 2], [1, 7, 3, 2]],
    ['2d [[top, bottom], [left, right]]', () => zeroPadding2d({ padding: [[1, 0], [2, 1]] }), [2, 3, 3, 1], [2, 4, 6, 1]],
    ['1d default', () => zeroPadding1d(), [2, 4, 3], [2, 6, 3]],
    ['1d [before, after]', () => zeroPadding1d({ padding: [3, 0] }), [2, 4, 3], [2, 7, 3]],
  ] as const)('passes runLayerTest: %s', async (_name, make, inputShape, outputShape) => {
    await runLayerTest({ makeLayer: make, inputShape: [...inputShape], expectedOutputShape: [...outputShape], expectedWeightShapes: [] });
  });

  it('puts the zeros where asked', () => {
    const pixel = tf.tensor4d([7], [1, 1, 1, 1]);
    const sequence = tf.tensor3d([[[1], [2]]]);
    const padded = zeroPadding2d({ padding: [[1, 0], [0, 2]] }).apply(pixel);
    const stretched = zeroPadding1d({ padding: [1, 2] }).apply(sequence);
    expect(padded.arraySync()).toEqual([[[[0], [0], [0]], [[7], [0], [0]]]]);
    expect(stretched.arraySync()).toEqual([[[0], [1], [2], [0], [0]]]);
    tf.dispose([pixel, sequence, padded, stretched]);
  });

  it('computes symbolic shapes, writes Keras configs and names bad arguments', () => {
    expect(zeroPadding2d({ padding: 2 }).apply(input({ shape: [28, null, 1] })).shape).toEqual([null, 32, null, 1]);
    expect(zeroPadding2d({ padding: [1, 2] }).getConfig()).toMatchObject({ padding: [[1, 1], [2, 2]], data_format: 'channels_last' });
    expect(zeroPadding1d({ padding: 2 }).getConfig()).toMatchObject({ padding: [2, 2] });
    expect(() => zeroPadding2d({ padding: -1 as never, name: 'z1' })).toThrow(
      'Expected padding to be an integer ≥ 0, [rows, columns] or [[top, bottom], [left, right]], received -1 in layer "z1"',
    );
    expect(() => zeroPadding1d({ padding: [1, 2, 3] as never, name: 'z2' })).toThrow('Expected padding to be an integer ≥ 0 or [before, after], received [1,2,3] in layer "z2"');
    expect(() => zeroPadding2d({ name: 'z3' }).apply(tf.zeros([3, 3, 1]))).toThrow('Expected inputShape of rank 4, received [3, 3, 1] in layer "z3"');
  });
});
