import { describe, expect, it } from 'vitest';
import { tf } from '../tf/index';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { dilateKernel } from './dilate-kernel';

describe('dilateKernel', () => {
  it('dilates kernels with zeros between taps', () => {
    const kernel = tf.tensor3d([1, 2, 3, 4], [2, 2, 1]);
    const dilated = dilateKernel(kernel, [2, 3]);
    expect(dilated.shape).toEqual([3, 4, 1]);
    expect(Array.from(dilated.dataSync())).toEqual([1, 0, 0, 2, 0, 0, 0, 0, 3, 0, 0, 4]);
    expect(dilateKernel(kernel, [1, 1])).toBe(kernel);
    tf.dispose([kernel, dilated]);
  });
});

describeEachBackend('gradients of dilated convolutions', () => {
  // The reference: the plain convolution with the spread kernel, whose gradients tfjs has.
  const cases: Array<[string, (x: tf.Tensor4D, w: tf.Tensor4D, spread: boolean) => tf.Tensor, number[], number[]]> = [
    ['conv2d, dilation [2, 3], same', (x, w, spread) => (spread ? tf.conv2d(x, dilateKernel(w, [2, 3]), 1, 'same') : tf.conv2d(x, w, 1, 'same', 'NHWC', [2, 3])), [2, 7, 8, 3], [3, 2, 3, 2]],
    ['conv2d, dilation 2, valid', (x, w, spread) => (spread ? tf.conv2d(x, dilateKernel(w, [2, 2]), 1, 'valid') : tf.conv2d(x, w, 1, 'valid', 'NHWC', 2)), [1, 9, 9, 2], [3, 3, 2, 4]],
    ['depthwiseConv2d, dilation 2, same', (x, w, spread) => (spread ? tf.depthwiseConv2d(x, dilateKernel(w, [2, 2]), 1, 'same') : tf.depthwiseConv2d(x, w, 1, 'same', 'NHWC', 2)), [2, 6, 6, 3], [2, 2, 3, 2]],
  ];
  it.each(cases)('%s equal those of the convolution with the spread kernel', (_name, conv, xShape, wShape) => {
    const x = tf.randomNormal(xShape as [number, number, number, number], 0, 1, 'float32', 1);
    const w = tf.randomNormal(wShape as [number, number, number, number], 0, 1, 'float32', 2);
    const gradients = (spread: boolean) => tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(conv(a as tf.Tensor4D, b as tf.Tensor4D, spread))))([x, w]);
    const [dx, dw] = gradients(false);
    const [expectedDx, expectedDw] = gradients(true);
    expectArraysClose(dx, expectedDx, 1e-4);
    expectArraysClose(dw, expectedDw, 1e-4);
    tf.dispose([x, w, dx, dw, expectedDx, expectedDw]);
  });
});
