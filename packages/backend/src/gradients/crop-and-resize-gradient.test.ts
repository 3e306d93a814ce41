import { it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { expectGradientMatchesDifferences } from './finite-differences';

describeEachBackend('CropAndResize gradient', () => {
  const imageShape = [2, 5, 6, 2];
  const image = seededArray(120, 31);
  // Boxes whose samples fall between pixels (finite differences need no kink), one reaching
  // outside the image (extrapolated samples), one of a single sample per axis.
  const boxes = [0.1, 0.13, 0.83, 0.71, -0.2, 0.35, 0.52, 1.3, 0.27, 0.41, 0.61, 0.59];
  const boxIndices = () => tf.tensor1d([0, 1, 1], 'int32');
  it.each([
    ['image, bilinear', 'bilinear', [3, 4]],
    ['image, nearest', 'nearest', [3, 4]],
    ['image, one sample per axis', 'bilinear', [1, 1]],
  ] as const)('%s: matches finite differences, leaking nothing', async (_name, method, cropSize) => {
    const f = (x: tf.Tensor) => tf.image.cropAndResize(x as tf.Tensor4D, tf.tensor2d(boxes, [3, 4]), boxIndices(), [...cropSize], method, 0.5);
    await expectNoLeakedTensors(() => expectGradientMatchesDifferences(f, image, imageShape));
  });

  it.each([[[3, 4]], [[1, 2]]] as const)('boxes, bilinear, crop %j: match finite differences', async (cropSize) => {
    const f = (b: tf.Tensor) => tf.image.cropAndResize(tf.tensor4d(image, imageShape as [number, number, number, number]), b as tf.Tensor2D, boxIndices(), [...cropSize], 'bilinear');
    await expectNoLeakedTensors(() => expectGradientMatchesDifferences(f, boxes, [3, 4], { epsilon: 1e-3, tolerance: 1e-2 }));
  });
});
