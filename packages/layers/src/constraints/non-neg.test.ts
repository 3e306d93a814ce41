import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { NonNeg, nonNeg } from './non-neg';

describeEachBackend('NonNeg', () => {
  it('replaces negative entries with 0 and keeps the rest', async () => {
    const w = tf.tensor2d([[-1, 2], [0, -0.5]]);
    await expectNoLeakedTensors(() => {
      const y = nonNeg().call(w);
      expectArraysClose(y, [0, 2, 0, 0], 0);
      y.dispose();
    });
    w.dispose();
  });
});

it('has an empty config', () => {
  expect(new NonNeg().getConfig()).toEqual({});
  expect(NonNeg.fromConfig({})).toBeInstanceOf(NonNeg);
});
