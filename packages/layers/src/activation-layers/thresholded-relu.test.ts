import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { thresholdedReLU } from './thresholded-relu';

afterEach(() => resetUniqueNames());

describeEachBackend('ThresholdedReLU', () => {
  it('passes runLayerTest', async () => {
    await runLayerTest({ makeLayer: () => thresholdedReLU({ theta: 0.2 }), inputShape: [3, 6], expectedOutputShape: [3, 6], expectedWeightShapes: [] });
  });

  it('keeps x above theta only', () => {
    const x = tf.tensor1d([-2, 0.5, 1, 1.5, 3]);
    const y = thresholdedReLU().apply(x);
    expectArraysClose(y, [0, 0, 0, 1.5, 3], 0);
    tf.dispose([x, y]);
    expect(() => thresholdedReLU({ theta: -1 })).toThrow('Expected theta to be a finite number ≥ 0, received -1 in layer "thresholded_re_lu_1"');
  });
});
