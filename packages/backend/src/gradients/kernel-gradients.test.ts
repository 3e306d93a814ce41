import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, useBackend } from '@dendrite/test-utils';
import { ZERO_GRADIENT_KERNELS } from './zero-gradients';

/**
 * The kernels that truly have no gradient, each group with the reason. A kernel registered on cpu
 * or wasm that has no gradient and is not listed here fails the sweep below: give it a gradient
 * (a zero one where TensorFlow does not differentiate it) or list it here with its reason.
 */
const NO_GRADIENT: Readonly<Record<string, readonly string[]>> = {
  // Nothing to differentiate: no tensor inputs (the output is made from attributes or a seed).
  'no tensor input': ['Fill', 'Range', 'LinSpace', 'DendriteDropoutMask'],
  // Strings in, strings or integers out.
  strings: ['StringNGrams', 'StringSplit', 'StringToHashBucketFast', 'StaticRegexReplace'],
  // tfjs's tape takes only float32 gradients (it refuses complex64 ones), so a gradient cannot
  // flow through a complex tensor whatever is registered.
  'complex tensors': ['Complex', 'Real', 'Imag', 'FFT', 'IFFT'],
  // Draws pixels to a canvas; the optimizer's update step runs outside any tape.
  'side effects': ['Draw', 'DendriteAdamUpdate'],
  // tf.fused.conv2d, tf.fused.depthwiseConv2d and softmaxCrossentropyWithLogits (whose kernel gives
  // the loss and its gradient in one call) differentiate through customGrad: these kernels are
  // never recorded on a tape.
  'recorded through customGrad': ['FusedConv2D', 'FusedDepthwiseConv2D', 'DendriteSoftmaxCrossentropy'],
  // The kernels of gradients themselves. Differentiating them is a second-order gradient (tf.grad
  // of tf.grad through a convolution or a pool), which neither tfjs-core nor Dendrite offers.
  'second order': [
    'AvgPoolGrad', 'AvgPool3DGrad', 'MaxPoolGrad', 'MaxPool3DGrad', 'Conv2DBackpropFilter', 'Conv3DBackpropFilterV2',
    'Conv3DBackpropInputV2', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput',
    'Dilation2DBackpropFilter', 'Dilation2DBackpropInput', 'EluGrad', 'LRNGrad', 'ResizeBilinearGrad', 'ResizeNearestNeighborGrad',
  ],
};

/**
 * Differentiable in TensorFlow, not yet in Dendrite: the known gaps, named so that they cannot
 * grow silently. The ragged kernels serve tfjs-converter graphs; no Dendrite layer, loss or
 * optimizer runs them.
 */
const NOT_YET_DIFFERENTIABLE = ['RaggedGather', 'RaggedTensorToTensor'];

const allowed = new Set([...Object.values(NO_GRADIENT).flat(), ...NOT_YET_DIFFERENTIABLE]);

async function registeredKernels(): Promise<Set<string>> {
  // Selecting wasm installs Dendrite's wasm kernels, so the sweep sees them too.
  await useBackend('wasm');
  const names = new Set<string>();
  for (const backend of ['cpu', 'wasm']) for (const kernel of tf.getKernelsForBackend(backend)) names.add(kernel.kernelName);
  return names;
}

describe('kernel gradients', () => {
  it('every kernel registered on cpu or wasm has a gradient, or is listed with the reason it has none', async () => {
    const kernels = await registeredKernels();
    const missing = [...kernels].filter((name) => tf.getGradient(name) == null && !allowed.has(name)).sort();
    expect(missing).toEqual([]);
  });

  it('lists only kernels that exist and still have no gradient', async () => {
    const kernels = await registeredKernels();
    const stale = [...allowed].filter((name) => !kernels.has(name) || tf.getGradient(name) != null).sort();
    expect(stale).toEqual([]);
  });

  it.each(Object.entries(ZERO_GRADIENT_KERNELS))('%s has a float32 zero gradient of each input’s shape', async (name, inputNames) => {
    await useBackend('cpu');
    const config = tf.getGradient(name)!;
    const saved = inputNames.map((_, index) => tf.ones([2, index + 1], 'int32'));
    const gradients = config.gradFunc(tf.ones([2, 3]), saved, {});
    expect(Object.keys(gradients).sort()).toEqual([...inputNames].sort());
    inputNames.forEach((inputName, index) => {
      const gradient = gradients[inputName]();
      expect(gradient.dtype).toBe('float32');
      expect(gradient.shape).toEqual(saved[index].shape);
      expect(Array.from(gradient.dataSync()).every((value) => value === 0)).toBe(true);
      gradient.dispose();
    });
    tf.dispose(saved);
  });
});

describeEachBackend('gradients through comparisons', () => {
  const x = [-3, -0.5, 0, 0.25, 2];

  it('flow through tf.where(tf.less(...)) as TensorFlow: the chosen branch only', () => {
    // d/dx of where(x < 0, x², 3x) is 2x below 0 and 3 from 0 on.
    const gradient = tf.grad((t: tf.Tensor) => tf.sum(tf.where(tf.less(t, 0), tf.square(t), tf.mul(t, 3))))(tf.tensor1d(x));
    expectArraysClose(gradient.dataSync(), [-6, -1, 3, 3, 3]);
    gradient.dispose();
  });

  it('flow through every comparison and logical op, the comparison itself giving zero', () => {
    const gradient = tf.grad((t: tf.Tensor) => {
      const y = tf.scalar(0.1);
      const masks = [tf.equal(t, y), tf.notEqual(t, y), tf.lessEqual(t, y), tf.greater(t, y), tf.greaterEqual(t, y)];
      const combined = tf.logicalOr(tf.logicalAnd(masks[0], tf.logicalNot(masks[1])), tf.logicalXor(masks[2], masks[3]));
      return tf.sum(tf.add(tf.mul(tf.cast(combined, 'float32'), t), tf.mul(tf.cast(tf.any(masks[4]), 'float32'), t)));
    })(tf.tensor1d(x));
    // combined is true everywhere (x ≤ 0.1 xor x > 0.1), any(...) is true: d/dx (x + x) = 2.
    expectArraysClose(gradient.dataSync(), [2, 2, 2, 2, 2]);
    gradient.dispose();
  });
});
