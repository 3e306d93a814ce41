import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { getMask } from '../engine/masking';
import { concatenate } from './concatenate';

afterEach(() => resetUniqueNames());

describeEachBackend('Concatenate', () => {
  it.each([
    ['last axis', {}, [[3, 4], [3, 2]], [3, 6]],
    ['axis 1 of rank 3', { axis: 1 }, [[2, 3, 4], [2, 1, 4]], [2, 4, 4]],
    ['three inputs, axis −2', { axis: -2 }, [[2, 1, 3], [2, 2, 3], [2, 3, 3]], [2, 6, 3]],
  ] as const)('passes runLayerTest: %s', async (_name, args, inputShape, outputShape) => {
    await runLayerTest({ makeLayer: () => concatenate(args), inputShape: inputShape.map((shape) => [...shape]), expectedOutputShape: [...outputShape], expectedWeightShapes: [] });
  });

  it('joins values as hand computed', () => {
    const a = tf.tensor2d([[1, 2], [3, 4]]);
    const b = tf.tensor2d([[5], [6]]);
    const [last, first] = [concatenate().apply([a, b]), concatenate({ axis: 0 }).apply([a, a])];
    expectArraysClose(last, [1, 2, 5, 3, 4, 6], 0);
    expect(first.shape).toEqual([4, 2]);
    tf.dispose([a, b, last, first]);
  });

  it('joins masks, counting unmasked inputs as valid', () => {
    const a = tf.zeros([1, 2, 1]);
    const b = tf.zeros([1, 2, 1]);
    const mask = tf.tensor2d([[1, 0]], [1, 2], 'bool');
    const features = concatenate().apply([a, b], { mask: [mask, null] as never });
    const steps = concatenate({ axis: 1 }).apply([a, b], { mask: [mask, null] as never });
    expect(Array.from(getMask(features)!.dataSync())).toEqual([1, 1]);
    expect(Array.from(getMask(steps)!.dataSync())).toEqual([1, 0, 1, 1]);
    tf.dispose([a, b, mask, features, steps, getMask(features)!, getMask(steps)!]);
  });

  it('computes symbolic shapes and names the layer for mismatched inputs', () => {
    const x = input({ shape: [5] });
    const y = input({ shape: [3] });
    const free = input({ shape: [null] });
    expect(concatenate().apply([x, y]).shape).toEqual([null, 8]);
    expect(concatenate().apply([x, free]).shape).toEqual([null, null]);
    const z = input({ shape: [4, 2] });
    expect(() => concatenate({ name: 'cat' }).apply([x, z])).toThrow('Expected inputs that match except on axis -1 in layer "cat", received [null, 5], [null, 4, 2]');
    expect(() => concatenate({ axis: 2, name: 'cat2' }).apply([x, y])).toThrow('Expected axis 2 to exist in inputs of rank 2 in layer "cat2", received [null, 5], [null, 3]');
    expect(() => concatenate({ name: 'cat1' }).apply([x])).toThrow('Expected a list of at least 2 inputs in layer "cat1", received 1');
    expect(concatenate({ axis: 1 }).getConfig()).toMatchObject({ axis: 1 });
    expect(concatenate().expectsListInput).toBe(true);
  });
});
