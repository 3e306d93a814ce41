/**
 * Gradients of dilated (atrous) convolutions, which tfjs-core 4.22 refuses ("dilation rates
 * greater than 1 are not yet supported in gradients"). A convolution with dilation d is the plain
 * convolution with the kernel spread by d − 1 zeros, so the stock gradient of that convolution
 * gives the input's gradient as it is, and the kernel's at every d-th tap.
 */
import * as tf from '@tensorflow/tfjs-core';
import { dilateKernel } from '../ops/dilate-kernel';

function pair(value: unknown): [number, number] {
  if (value == null) return [1, 1];
  return typeof value === 'number' ? [value, value] : [(value as number[])[0], (value as number[])[1]];
}

/** Every `rates`-th tap of a spread kernel's gradient: the gradient of the kernel itself. */
function undilate(gradient: tf.Tensor, rates: [number, number]): tf.Tensor {
  return tf.stridedSlice(gradient, [0, 0, 0, 0], gradient.shape, [rates[0], rates[1], 1, 1]);
}

function registerDilationAware(kernelName: string): void {
  const stock = tf.getGradient(kernelName);
  if (stock == null) throw new Error(`Expected tfjs-core's gradient of ${kernelName} to be registered first, received none`);
  tf.registerGradient({
    ...stock,
    gradFunc: (dy, saved, attrs) => {
      const rates = pair(attrs.dilations);
      if (rates[0] === 1 && rates[1] === 1) return stock.gradFunc(dy, saved, attrs);
      const [x, filter] = saved;
      const grads = stock.gradFunc(dy, [x, dilateKernel(filter, rates)], { ...attrs, dilations: [1, 1] });
      return { x: grads.x, filter: () => undilate(grads.filter(), rates) };
    },
  });
}

registerDilationAware('Conv2D');
registerDilationAware('DepthwiseConv2dNative');
