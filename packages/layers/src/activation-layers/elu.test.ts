import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { elu } from './elu';

afterEach(() => resetUniqueNames());

describeEachBackend('ELU', () => {
  it.each([{}, { alpha: 0.5 }])('passes runLayerTest with %j', async (args) => {
    await runLayerTest({ makeLayer: () => elu(args), inputShape: [3, 6], expectedOutputShape: [3, 6], expectedWeightShapes: [] });
  });

  it.each([1, 2])('computes alpha·(exp(x) − 1) below 0 (alpha %s)', (alpha) => {
    const values = [-3, -0.5, 0, 0.5, 4];
    const x = tf.tensor1d(values);
    const y = elu({ alpha }).apply(x);
    expectArraysClose(y, values.map((v) => (v > 0 ? v : alpha * (Math.exp(v) - 1))), 1e-6);
    tf.dispose([x, y]);
  });

  it('rejects a non-number alpha, naming the layer', () => {
    expect(() => elu({ alpha: Number.NaN })).toThrow('Expected alpha to be a finite number, received NaN in layer "elu"');
  });
});
