/**
 * The gradient of `Cumprod`, which tfjs-core leaves unregistered, as TensorFlow computes it:
 * `cumsum(y · dy)` in the opposite direction, divided by `x` (so, as in TensorFlow, an input
 * that is exactly zero gives a non-finite gradient).
 */
import * as tf from '@tensorflow/tfjs-core';

tf.registerGradient({
  kernelName: 'Cumprod',
  inputsToSave: ['x'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, product] = saved;
    const { axis, exclusive, reverse } = attrs as unknown as { axis: number; exclusive: boolean; reverse: boolean };
    return {
      x: () => tf.div(tf.cumsum(tf.mul(product, dy as tf.Tensor), axis, exclusive, !reverse), x),
    };
  },
});
