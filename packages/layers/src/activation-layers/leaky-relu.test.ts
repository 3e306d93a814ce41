import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { leakyReLU } from './leaky-relu';

afterEach(() => resetUniqueNames());

describeEachBackend('LeakyReLU', () => {
  it('passes runLayerTest', async () => {
    await runLayerTest({ makeLayer: () => leakyReLU({ negativeSlope: 0.1 }), inputShape: [3, 6], expectedOutputShape: [3, 6], expectedWeightShapes: [] });
  });

  it('uses Keras 3\'s slope 0.3 by default and accepts alpha', () => {
    const x = tf.tensor1d([-10, -1, 0, 5]);
    const byDefault = leakyReLU().apply(x);
    expectArraysClose(byDefault, [-3, -0.3, 0, 5], 1e-6);
    const withAlpha = leakyReLU({ alpha: 0.1 });
    const y = withAlpha.apply(x);
    expectArraysClose(y, [-1, -0.1, 0, 5], 1e-6);
    expect(withAlpha.getConfig().negative_slope).toBe(0.1);
    tf.dispose([x, byDefault, y]);
  });

  it('rejects a negative slope, naming the layer', () => {
    expect(() => leakyReLU({ negativeSlope: -1 })).toThrow('Expected negativeSlope to be a finite number ≥ 0, received -1 in layer "leaky_re_lu"');
    expect(() => leakyReLU({ alpha: -1 })).toThrow('Expected alpha to be a finite number ≥ 0, received -1 in layer "leaky_re_lu_1"');
  });
});
