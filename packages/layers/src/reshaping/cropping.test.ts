import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { cropping1d } from './cropping1d';
import { cropping2d } from './cropping2d';

afterEach(() => resetUniqueNames());

describeEachBackend('Cropping1D and Cropping2D', () => {
  it.each([
    ['2d 1', () => cropping2d({ cropping: 1 }), [1, 5, 5, 2], [1, 3, 3, 2]],
    ['2d [[top, bottom], [left, right]]', () => cropping2d({ cropping: [[2, 0], [1, 2]] }), [2, 5, 6, 1], [2, 3, 3, 1]],
    ['2d default (nothing)', () => cropping2d(), [1, 2, 2, 1], [1, 2, 2, 1]],
    ['1d default', () => cropping1d(), [2, 5, 3], [2, 3, 3]],
    ['1d [before, after]', () => cropping1d({ cropping: [0, 2] }), [2, 5, 3], [2, 3, 3]],
  ] as const)('passes runLayerTest: %s', async (_name, make, inputShape, outputShape) => {
    await runLayerTest({ makeLayer: make, inputShape: [...inputShape], expectedOutputShape: [...outputShape], expectedWeightShapes: [] });
  });

  it('keeps the pixels and steps asked for', () => {
    const image = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const sequence = tf.tensor3d([[[1], [2], [3], [4]]]);
    const corner = cropping2d({ cropping: [[1, 0], [0, 1]] }).apply(image);
    const middle = cropping1d({ cropping: [1, 2] }).apply(sequence);
    expect(corner.arraySync()).toEqual([[[[4], [5]], [[7], [8]]]]);
    expect(middle.arraySync()).toEqual([[[2]]]);
    tf.dispose([image, sequence, corner, middle]);
  });

  it('names the layer when the cropping removes everything, and bad arguments', () => {
    expect(cropping2d({ cropping: [1, 2] }).apply(input({ shape: [28, null, 3] })).shape).toEqual([null, 26, null, 3]);
    expect(() => cropping2d({ cropping: [[2, 1], [0, 0]], name: 'c1' }).apply(input({ shape: [3, 3, 1] }))).toThrow(
      'Expected cropping to leave at least one row and column, received cropping [[2,1],[0,0]] for inputShape [null, 3, 3, 1] in layer "c1"',
    );
    expect(() => cropping1d({ cropping: 2, name: 'c2' }).apply(tf.zeros([1, 4, 1]))).toThrow(
      'Expected cropping to leave at least one step, received cropping [2, 2] for inputShape [1, 4, 1] in layer "c2"',
    );
    expect(() => cropping2d({ cropping: [[1], [1]] as never, name: 'c3' })).toThrow(/Expected cropping to be an integer ≥ 0, \[rows, columns\] or .*in layer "c3"/);
    expect(cropping2d({ cropping: 1 }).getConfig()).toMatchObject({ cropping: [[1, 1], [1, 1]] });
  });

  it('checks the real sizes when the built shape left them open', () => {
    const steps = cropping1d({ cropping: [2, 0], name: 'c4' });
    steps.apply(input({ shape: [null, 2] }));
    expect(() => steps.apply(tf.zeros([1, 1, 2]))).toThrow('Expected cropping to leave at least one step, received cropping [2, 0] for inputShape [1, 1, 2] in layer "c4"');
    const pixels = cropping2d({ cropping: [[0, 0], [3, 0]], name: 'c5' });
    pixels.apply(input({ shape: [2, null, 1] }));
    expect(() => pixels.apply(tf.zeros([1, 2, 3, 1]))).toThrow(/Expected cropping to leave at least one row and column, .* for inputShape \[1, 2, 3, 1\] in layer "c5"/);
  });
});
