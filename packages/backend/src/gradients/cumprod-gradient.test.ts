import { it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { expectGradientMatchesDifferences } from './finite-differences';

describeEachBackend('Cumprod gradient', () => {
  const cases: Array<[string, (x: tf.Tensor) => tf.Tensor]> = [
    ['along the last axis', (x) => tf.cumprod(x, 1)],
    ['exclusive', (x) => tf.cumprod(x, 1, true)],
    ['reversed', (x) => tf.cumprod(x, 0, false, true)],
    ['exclusive and reversed', (x) => tf.cumprod(x, 1, true, true)],
  ];
  it.each(cases)('%s: matches finite differences, leaking nothing', async (_name, f) => {
    // Away from zero, where the gradient divides by x.
    const values = seededArray(12, 17, 0.5, 1.5);
    await expectNoLeakedTensors(() => expectGradientMatchesDifferences(f, values, [3, 4], { epsilon: 1e-3, tolerance: 1e-2 }));
  });
});
