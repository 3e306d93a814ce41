/**
 * Gradients of the kernels that only move elements, which tfjs-core leaves unregistered:
 * `FlipLeftRight`, `DepthToSpace`, `Diag` and `MaxPoolWithArgmax` (whose pooled values are
 * `MaxPool`'s). Each gradient moves `dy` back.
 */
import * as tf from '@tensorflow/tfjs-core';

function firstGradient(dy: tf.Tensor | tf.Tensor[]): tf.Tensor {
  return Array.isArray(dy) ? dy[0] : dy;
}

tf.registerGradient({
  kernelName: 'FlipLeftRight',
  gradFunc: (dy) => ({ image: () => tf.reverse(firstGradient(dy), 2) }),
});

/**
 * `depthToSpace`'s inverse, space-to-depth, on NHWC: `[b, h·s, w·s, c]` → `[b, h, w, s·s·c]`
 * with the block's rows, then columns, outermost in the depth (as depthToSpace reads them).
 */
function spaceToDepth(y: tf.Tensor, blockSize: number): tf.Tensor {
  const [batch, height, width, depth] = y.shape;
  const blocks = tf.reshape(y, [batch, height / blockSize, blockSize, width / blockSize, blockSize, depth]);
  return tf.reshape(tf.transpose(blocks, [0, 1, 3, 2, 4, 5]), [batch, height / blockSize, width / blockSize, blockSize * blockSize * depth]);
}

tf.registerGradient({
  kernelName: 'DepthToSpace',
  gradFunc: (dy, _saved, attrs) => {
    const { blockSize, dataFormat } = attrs as unknown as { blockSize: number; dataFormat: 'NHWC' | 'NCHW' };
    return {
      x: () => {
        const gradient = firstGradient(dy);
        if (dataFormat !== 'NCHW') return spaceToDepth(gradient, blockSize);
        return tf.transpose(spaceToDepth(tf.transpose(gradient, [0, 2, 3, 1]), blockSize), [0, 3, 1, 2]);
      },
    };
  },
});

tf.registerGradient({
  kernelName: 'Diag',
  inputsToSave: ['x'],
  gradFunc: (dy, saved) => {
    const [x] = saved;
    return {
      x: () => {
        // Element i of x sits at (i, i) of the n × n output: flat position i·(n + 1).
        const n = x.size;
        const diagonal = tf.mul(tf.range(0, n, 1, 'int32'), tf.scalar(n + 1, 'int32'));
        return tf.reshape(tf.gather(tf.reshape(firstGradient(dy), [n * n]), diagonal), x.shape);
      },
    };
  },
});

tf.registerGradient({
  kernelName: 'MaxPoolWithArgmax',
  inputsToSave: ['x'],
  outputsToSave: [true, false],
  gradFunc: (dy, saved, attrs) => {
    const [x, pooled] = saved;
    const { filterSize, strides, pad } = attrs as unknown as { filterSize: number | [number, number]; strides: number | [number, number]; pad: 'valid' | 'same' | number };
    const maxPool = tf.getGradient('MaxPool');
    if (maxPool == null) throw new Error("Expected tfjs-core's MaxPool gradient to be registered, received none");
    return maxPool.gradFunc(firstGradient(dy), [x, pooled], { filterSize, strides, pad } as unknown as tf.NamedAttrMap);
  },
});
