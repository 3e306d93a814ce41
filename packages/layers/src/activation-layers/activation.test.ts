import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { setMask, getMask } from '../engine/masking';
import { activation } from './activation';

afterEach(() => resetUniqueNames());

describeEachBackend('Activation', () => {
  it.each(['relu', 'tanh', 'softmax', 'leaky_relu'] as const)('passes runLayerTest (%s)', async (name) => {
    await runLayerTest({ makeLayer: () => activation({ activation: name }), inputShape: [3, 6], expectedOutputShape: [3, 6], expectedWeightShapes: [] });
  });

  it('applies the activation and passes the mask on', async () => {
    const x = tf.tensor2d([[-3, -1, 0, 2]]);
    const mask = tf.tensor1d([1], 'bool');
    setMask(x, mask);
    await expectNoLeakedTensors(() => {
      const y = activation({ activation: 'relu' }).apply(x);
      expectArraysClose(y, [0, 0, 0, 2], 0);
      expect(getMask(y)).toBe(mask);
      y.dispose();
    });
    tf.dispose([x, mask]);
  });

  it('writes the activation\'s Keras name and rejects unknown ones', () => {
    expect(activation({ activation: 'swish' }).getConfig().activation).toBe('silu');
    expect(() => activation({ activation: 'rellu' as never })).toThrow(/Unknown activation "rellu"/);
  });
});
