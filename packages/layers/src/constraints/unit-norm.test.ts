import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { EPSILON } from './norms';
import { UnitNorm, unitNorm } from './unit-norm';

describeEachBackend('UnitNorm', () => {
  it('scales every column to unit norm (dividing by norm + epsilon)', async () => {
    const w = tf.tensor2d([[3, 0.06], [4, 0.08]]);
    await expectNoLeakedTensors(() => {
      const y = unitNorm().call(w);
      expectArraysClose(y, [3 / (5 + EPSILON), 0.06 / (0.1 + EPSILON), 4 / (5 + EPSILON), 0.08 / (0.1 + EPSILON)], 1e-6);
      y.dispose();
    });
    w.dispose();
  });

  it('takes another axis and keeps a zero slice at zero', () => {
    const y = tf.tidy(() => unitNorm({ axis: -1 }).call(tf.tensor2d([[3, 4], [0, 0]])).dataSync());
    expectArraysClose(y, [0.6, 0.8, 0, 0], 1e-6);
  });
});

it('round-trips its config and names a bad axis', () => {
  expect(new UnitNorm().getConfig()).toEqual({ axis: 0 });
  expect(UnitNorm.fromConfig({ axis: [0, 1] }).getConfig()).toEqual({ axis: [0, 1] });
  expect(() => unitNorm({ axis: [] })).toThrow('Expected axis to be an integer or a non-empty array of integers, received [] in constraint UnitNorm');
});
