import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { toHostArray } from './host-array';
import { classWeightsToSampleWeights, orderParts } from './select-adapter';

describe('classWeightsToSampleWeights', () => {
  it('weighs each sample by its class: sparse labels rounded, one-hot rows by their first largest entry, 1 for a class not listed', () => {
    const sparse = toHostArray({ values: [0, 1, 2, 0.6, 1.4], shape: [5] }, 'y');
    expect(Array.from(classWeightsToSampleWeights({ 0: 0.5, 1: 3 }, sparse))).toEqual([0.5, 3, 1, 3, 3]);
    // Keras's argmax: the first index of the largest entry (a tie goes to the earlier class).
    const oneHot = toHostArray([[1, 0, 0], [0, 0, 1], [0.2, 0.5, 0.3], [0.4, 0.4, 0.2], [0, 0.5, 0.5]], 'y');
    expect(Array.from(classWeightsToSampleWeights({ 0: 2, 1: 5, 2: 7 }, oneHot))).toEqual([2, 7, 5, 2, 5]);
  });
});

describe('orderParts', () => {
  it('takes one input as it is, a list in order, a map by name', () => {
    const t = tf.tensor2d([[1]]);
    expect(orderParts(t, ['a'], 'inputs')).toEqual([t]);
    expect(orderParts([[1, 2]], ['a'], 'inputs')).toEqual([[[1, 2]]]);
    expect(orderParts([t, { values: [1], shape: [1] }], ['a', 'b'], 'inputs')).toEqual([t, { values: [1], shape: [1] }]);
    expect(orderParts([[[1]], [[2]]], ['a', 'b'], 'inputs')).toEqual([[[1]], [[2]]]);
    expect(orderParts({ b: [[2]], a: [[1]] }, ['a', 'b'], 'inputs')).toEqual([[[1]], [[2]]]);
    t.dispose();
  });

  it('names what is missing or miscounted', () => {
    const t = tf.tensor2d([[1]]);
    expect(() => orderParts([t, t, t], ['a', 'b'], 'inputs')).toThrow('Expected 2 inputs (a, b), received 3');
    expect(() => orderParts({ a: [[1]] }, ['a', 'b'], 'targets')).toThrow('Expected targets for a, b, received keys [a]');
    expect(() => orderParts(7 as never, ['a'], 'inputs')).toThrow('Expected inputs to be data, a list or a map by name, received 7');
    t.dispose();
  });
});
