import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { getMask } from '../engine/masking';
import { computeElementwiseOutputShape } from './base-merge';
import { add } from './add';
import { average } from './average';
import { maximum } from './maximum';
import { minimum } from './minimum';
import { multiply } from './multiply';
import { subtract } from './subtract';

afterEach(() => resetUniqueNames());

const factories = { add, subtract, multiply, average, maximum, minimum } as const;

describeEachBackend('element-wise merge layers', () => {
  it.each(Object.keys(factories) as Array<keyof typeof factories>)('%s passes runLayerTest on equal, broadcast and lower-rank inputs', async (name) => {
    const make = factories[name];
    const cases: Array<[number[][], number[]]> = [
      [[[3, 4], [3, 4]], [3, 4]],
      [[[2, 3, 4], [2, 1, 4]], [2, 3, 4]],
      [[[2, 3, 4], [2, 4]], [2, 3, 4]], // the rank-2 input gains an axis after the batch
    ];
    if (name !== 'subtract') cases.push([[[3, 2], [3, 2], [3, 2]], [3, 2]]);
    for (const [inputShape, outputShape] of cases) {
      await runLayerTest({ makeLayer: () => make(), inputShape, expectedOutputShape: outputShape, expectedWeightShapes: [] });
    }
  });

  it('computes as hand computed', async () => {
    const a = tf.tensor2d([[1, 2], [3, 4]]);
    const b = tf.tensor2d([[5, 1], [0, 2]]);
    const c = tf.tensor2d([[1, 1], [1, 1]]);
    await expectNoLeakedTensors(() => {
      const cases: Array<[tf.Tensor, number[]]> = [
        [add().apply([a, b]), [6, 3, 3, 6]],
        [add().apply([a, b, c]), [7, 4, 4, 7]],
        [subtract().apply([a, b]), [-4, 1, 3, 2]],
        [multiply().apply([a, b, c]), [5, 2, 0, 8]],
        [average().apply([a, b, c]), [7 / 3, 4 / 3, 4 / 3, 7 / 3]],
        [maximum().apply([a, b]), [5, 2, 3, 4]],
        [minimum().apply([a, b, c]), [1, 1, 0, 1]],
      ];
      for (const [output, expected] of cases) expectArraysClose(output, expected, 1e-6);
      tf.dispose(cases.map(([output]) => output));
    });
    tf.dispose([a, b, c]);
  });

  it('lines lower-rank inputs up on their last axes, as Keras', () => {
    const sequence = tf.tensor3d([[[1, 2], [3, 4], [5, 6]]]); // [1, 3, 2]
    const vector = tf.tensor2d([[10, 20]]); // [1, 2] → [1, 1, 2]
    const y = add().apply([sequence, vector]);
    expect(y.arraySync()).toEqual([[[11, 22], [13, 24], [15, 26]]]);
    tf.dispose([sequence, vector, y]);
  });

  it('ORs the input masks; Maximum and Minimum let the unmasked input decide', async () => {
    const a = tf.tensor3d([[[1], [5]]]);
    const b = tf.tensor3d([[[3], [2]]]);
    const maskA = tf.tensor2d([[1, 0]], [1, 2], 'bool');
    const maskB = tf.tensor2d([[0, 1]], [1, 2], 'bool');
    await expectNoLeakedTensors(() => {
      const sum = add().apply([a, b], { mask: [maskA, maskB] });
      const largest = maximum().apply([a, b], { mask: [maskA, maskB] });
      const smallest = minimum().apply([a, b], { mask: [maskA, maskB] });
      const unmasked = maximum().apply([a, b]);
      expectArraysClose(sum, [4, 7], 0);
      expectArraysClose(largest, [1, 2], 0); // step 0: b masked → a; step 1: a masked → b
      expectArraysClose(smallest, [1, 2], 0);
      expectArraysClose(unmasked, [3, 5], 0);
      expect(Array.from(getMask(sum)!.dataSync())).toEqual([1, 1]);
      expect(getMask(unmasked)).toBeNull();
      const outputs = [sum, largest, smallest, unmasked];
      tf.dispose([...outputs, ...outputs.map((output) => getMask(output)).filter((mask): mask is tf.Tensor => mask !== null)]);
    });
    const half = add().apply([a, b], { mask: [maskA, null] as never });
    expect(getMask(half)).toBeNull(); // Keras: no output mask unless every input has one
    tf.dispose([a, b, maskA, maskB, half]);
  });

  it('computes symbolic shapes as Keras', () => {
    const x = input({ shape: [5] });
    const column = input({ shape: [1] });
    const free = input({ shape: [null] });
    expect(add().apply([x, column]).shape).toEqual([null, 5]);
    expect(multiply().apply([x, free]).shape).toEqual([null, null]);
    expect(computeElementwiseOutputShape([3, 1], [4])).toEqual([3, 4]);
    expect(computeElementwiseOutputShape([3], [4])).toBeNull();
  });

  it('names the layer for one input, too many, and incompatible shapes', () => {
    const x = input({ shape: [5] });
    const y = input({ shape: [3] });
    expect(() => add({ name: 'add_one' }).apply([x])).toThrow('Expected a list of at least 2 inputs in layer "add_one", received 1');
    expect(() => add({ name: 'add_single' }).apply(x)).toThrow('Expected a list of inputs in layer "add_single", received one input of shape [null, 5]');
    expect(() => subtract({ name: 'sub3' }).apply([x, x, x])).toThrow('Expected a list of exactly 2 inputs in layer "sub3", received 3');
    expect(() => add({ name: 'add_bad' }).apply([x, y])).toThrow('Expected inputs of compatible shapes in layer "add_bad", received [null, 5], [null, 3]');
    expect(() => maximum({ name: 'max_batch' }).apply([tf.zeros([2, 3]), tf.zeros([4, 3])])).toThrow(
      'Expected inputs of one batch size in layer "max_batch", received [2, 3], [4, 3]',
    );
  });

  it('flags itself as taking a list', () => {
    for (const make of Object.values(factories)) expect(make().expectsListInput).toBe(true);
  });
});
