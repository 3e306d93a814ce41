import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { setMask } from '../engine/masking';
import { softmax } from './softmax';

afterEach(() => resetUniqueNames());

const softmaxOf = (values: number[]) => values.map((v) => Math.exp(v) / values.reduce((s, w) => s + Math.exp(w), 0));

describeEachBackend('Softmax', () => {
  it.each([{}, { axis: 1 }, { axis: [1, 2] }])('passes runLayerTest with %j', async (args) => {
    await runLayerTest({ makeLayer: () => softmax(args), inputShape: [2, 3, 4], expectedOutputShape: [2, 3, 4], expectedWeightShapes: [] });
  });

  it('normalizes along the axis and gives masked positions no probability', async () => {
    const x = tf.tensor2d([[1, 2, 1], [0, 3, -1]]);
    await expectNoLeakedTensors(() => {
      const y = softmax().apply(x);
      expectArraysClose(y, [...softmaxOf([1, 2, 1]), ...softmaxOf([0, 3, -1])], 1e-6);
      y.dispose();
    });
    const mask = tf.tensor2d([[1, 0, 1], [1, 1, 0]], [2, 3], 'bool');
    setMask(x, mask);
    const masked = softmax().apply(x);
    expectArraysClose(masked, [0.5, 0, 0.5, ...softmaxOf([0, 3]), 0], 1e-6);
    tf.dispose([x, mask, masked]);
  });

  it('rejects a bad axis, naming the layer', () => {
    expect(() => softmax({ axis: 0.5 })).toThrow('Expected axis to be an integer or a non-empty list of integers, received 0.5 in layer "softmax"');
    expect(() => softmax({ axis: 3, name: 's9' }).apply(tf.zeros([2, 3]))).toThrow('Expected axis to be an axis of a rank-2 input, in [-2, 1], received 3 in layer "s9"');
  });
});
