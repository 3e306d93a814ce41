import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runLayerTest } from '../testing/run-layer-test';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { add, average, concatenate, dot, maximum, minimum, multiply, subtract } from './merge-layers';

afterEach(() => resetUniqueNames());

describeEachBackend('merge layers', () => {
  it.each([
    ['add', () => add(), [3, 4]],
    ['subtract', () => subtract(), [3, 4]],
    ['multiply', () => multiply(), [3, 4]],
    ['average', () => average(), [3, 4]],
    ['maximum', () => maximum(), [3, 4]],
    ['minimum', () => minimum(), [3, 4]],
    ['concatenate', () => concatenate(), [3, 8]],
    ['dot', () => dot({ axes: 1 }), [3, 1]],
  ] as const)('%s passes runLayerTest', async (_name, make, outputShape) => {
    await runLayerTest({ makeLayer: make, inputShape: [[3, 4], [3, 4]], expectedOutputShape: [...outputShape], expectedWeightShapes: [], expectTrainingChangesWeights: false });
  });

  it('computes as hand computed', () => {
    const a = tf.tensor2d([[1, 2], [3, 4]]);
    const b = tf.tensor2d([[5, 1], [0, 2]]);
    const cases: Array<[tf.Tensor, number[]]> = [
      [add().apply([a, b]), [6, 3, 3, 6]],
      [subtract().apply([a, b]), [-4, 1, 3, 2]],
      [multiply().apply([a, b]), [5, 2, 0, 8]],
      [average().apply([a, b]), [3, 1.5, 1.5, 3]],
      [maximum().apply([a, b]), [5, 2, 3, 4]],
      [minimum().apply([a, b]), [1, 1, 0, 2]],
      [concatenate().apply([a, b]), [1, 2, 5, 1, 3, 4, 0, 2]],
      [concatenate({ axis: 0 }).apply([a, b]), [1, 2, 3, 4, 5, 1, 0, 2]],
      [dot({ axes: 1 }).apply([a, b]), [7, 8]],
      [dot({ axes: 1, normalize: true }).apply([a, b]), [7 / (Math.sqrt(5) * Math.sqrt(26)), 8 / (5 * 2)]],
    ];
    for (const [result, expected] of cases) {
      expectArraysClose(result, expected, 1e-5);
      result.dispose();
    }
    tf.dispose([a, b]);
  });

  it('computes symbolic shapes and names bad inputs', () => {
    const x = input({ shape: [5] });
    const y = input({ shape: [3] });
    expect(concatenate().apply([x, y]).shape).toEqual([null, 8]);
    expect(() => add({ name: 'add_bad' }).apply([x, y])).toThrow('Expected inputs of compatible shapes in layer "add_bad", received [null, 5], [null, 3]');
    expect(() => add({ name: 'add_one' }).apply([x])).toThrow('Expected a list of at least 2 inputs in layer "add_one", received 1');
    expect(() => subtract({ name: 'sub3' }).apply([x, x, x])).toThrow('Expected exactly 2 inputs in layer "sub3", received 3');
    const z = input({ shape: [4, 2] });
    expect(() => concatenate({ name: 'cat' }).apply([x, z])).toThrow(/Expected inputs that match except on axis -1 in layer "cat"/);
  });
});
