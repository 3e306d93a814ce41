import { it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { expectGradientMatchesDifferences } from './finite-differences';

describeEachBackend('rearrangement gradients', () => {
  const cases: Array<[string, number[], (x: tf.Tensor) => tf.Tensor]> = [
    ['flipLeftRight', [2, 2, 3, 2], (x) => tf.image.flipLeftRight(x as tf.Tensor4D)],
    ['depthToSpace', [1, 2, 3, 8], (x) => tf.depthToSpace(x as tf.Tensor4D, 2)],
    ['diag of a vector', [4], (x) => tf.diag(x)],
    ['diag of a matrix', [2, 2], (x) => tf.diag(x)],
    ['maxPoolWithArgmax', [1, 4, 4, 2], (x) => tf.maxPoolWithArgmax(x as tf.Tensor4D, 2, 2, 'valid').result],
  ];
  it.each(cases)('%s: matches finite differences, leaking nothing', async (_name, shape, f) => {
    // Distinct values, so every window's maximum is unambiguous.
    const values = seededArray(tf.util.sizeFromShape(shape), 13).map((value, index) => value + index * 0.1);
    await expectNoLeakedTensors(() => expectGradientMatchesDifferences(f, values, shape));
  });
});
