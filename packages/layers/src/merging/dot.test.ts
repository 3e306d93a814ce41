import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { type DotArgs, dot } from './dot';

afterEach(() => resetUniqueNames());

describeEachBackend('Dot', () => {
  it.each([
    ['vectors, axes 1', { axes: 1 }, [[3, 4], [3, 4]], [3, 1]],
    ['cosine, axes −1', { axes: -1, normalize: true }, [[3, 4], [3, 4]], [3, 1]],
    ['matrices, axes [2, 2]', { axes: [2, 2] }, [[2, 3, 4], [2, 5, 4]], [2, 3, 5]],
    ['matrices, axes [1, 2]', { axes: [1, 2] }, [[2, 3, 4], [2, 5, 3]], [2, 4, 5]],
    ['rank 3 with rank 2', { axes: [2, 1] }, [[2, 3, 4], [2, 4]], [2, 3]],
  ] as const)('passes runLayerTest: %s', async (_name, args, inputShape, outputShape) => {
    await runLayerTest({ makeLayer: () => dot(args as DotArgs), inputShape: inputShape.map((shape) => [...shape]), expectedOutputShape: [...outputShape], expectedWeightShapes: [] });
  });

  it('computes dot products and cosines as hand computed', async () => {
    const a = tf.tensor2d([[1, 2], [3, 4]]);
    const b = tf.tensor2d([[5, 1], [0, 2]]);
    await expectNoLeakedTensors(() => {
      const plain = dot({ axes: 1 }).apply([a, b]);
      const cosine = dot({ axes: 1, normalize: true }).apply([a, b]);
      expectArraysClose(plain, [7, 8], 1e-6);
      expectArraysClose(cosine, [7 / (Math.sqrt(5) * Math.sqrt(26)), 8 / (5 * 2)], 1e-6);
      tf.dispose([plain, cosine]);
    });
    tf.dispose([a, b]);
  });

  it('contracts batched matrices as a batched matrix product', () => {
    const x = tf.tensor3d(seededArray(2 * 3 * 4, 1), [2, 3, 4]);
    const y = tf.tensor3d(seededArray(2 * 5 * 4, 2), [2, 5, 4]);
    const ours = dot({ axes: [2, 2] }).apply([x, y]);
    const reference = tf.matMul(x, y, false, true);
    expectArraysClose(ours, reference, 1e-5);
    const gram = dot({ axes: [1, 1] }).apply([x, x]);
    const gramReference = tf.matMul(x, x, true, false);
    expectArraysClose(gram, gramReference, 1e-5);
    tf.dispose([x, y, ours, reference, gram, gramReference]);
  });

  it('names the layer for bad axes, mismatched sizes and input counts', () => {
    const x = input({ shape: [3] });
    const y = input({ shape: [4] });
    expect(dot({ axes: 1 }).apply([x, x]).shape).toEqual([null, 1]);
    expect(() => dot({ axes: 1, name: 'd1' }).apply([x, y])).toThrow('Expected axis 1 of input 0 (size 3) to match axis 1 of input 1 (size 4) in layer "d1", received [null, 3], [null, 4]');
    expect(() => dot({ axes: 0, name: 'd2' }).apply([x, x])).toThrow('Expected axes 0 to name a non-batch axis of each input in layer "d2", received [null, 3], [null, 3]');
    expect(() => dot({ axes: 1, name: 'd3' }).apply([x, x, x])).toThrow('Expected a list of exactly 2 inputs in layer "d3", received 3');
    expect(() => dot({ axes: [1] as never, name: 'd4' })).toThrow('Expected axes to be an integer or a list of two, received [1] in layer "d4"');
    expect(dot({ axes: [1, 2], normalize: true }).getConfig()).toMatchObject({ axes: [1, 2], normalize: true });
  });
});
