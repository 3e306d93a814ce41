import { it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { expectGradientMatchesDifferences } from './finite-differences';

describeEachBackend('image warp gradients', () => {
  const shape = [2, 4, 5, 2];
  const values = seededArray(80, 29);
  // A rotation with a shift for the first image, a zoom with a projective term for the second:
  // samples fall between pixels and outside the image.
  const transforms = () => tf.tensor2d([[0.9, -0.3, 0.7, 0.3, 0.9, -0.4, 0, 0], [1.3, 0.1, -0.6, -0.2, 1.2, -0.3, 0.02, -0.01]]);
  const cases: Array<[string, (x: tf.Tensor) => tf.Tensor]> = [];
  for (const interpolation of ['bilinear', 'nearest'] as const) {
    for (const fillMode of ['constant', 'reflect', 'wrap', 'nearest'] as const) {
      cases.push([`transform, ${interpolation}, fill ${fillMode}`, (x) => tf.image.transform(x as tf.Tensor4D, transforms() as tf.Tensor2D, interpolation, fillMode, 0.5)]);
    }
  }
  cases.push(['transform to another output size', (x) => tf.image.transform(x as tf.Tensor4D, transforms() as tf.Tensor2D, 'bilinear', 'reflect', 0, [3, 6])]);
  cases.push(['rotateWithOffset', (x) => tf.image.rotateWithOffset(x as tf.Tensor4D, 0.6, 0.25, [0.3, 0.6])]);

  it.each(cases)('%s: matches finite differences, leaking nothing', async (_name, f) => {
    await expectNoLeakedTensors(() => expectGradientMatchesDifferences(f, values, shape));
  });
});
