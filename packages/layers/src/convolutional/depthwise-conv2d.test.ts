import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { computeOn, describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest, expectLayerGradientsMatchFiniteDifferences } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { depthwiseConv2d } from './depthwise-conv2d';

afterEach(() => resetUniqueNames());

describeEachBackend('DepthwiseConv2D', () => {
  it.each([
    ['valid, depthMultiplier 2', { kernelSize: 3, depthMultiplier: 2 }, [2, 6, 6, 3], [2, 4, 4, 6], [[3, 3, 3, 2], [6]]],
    ['same, strides 2, relu (fused)', { kernelSize: [3, 2], strides: 2, padding: 'same', activation: 'relu' }, [1, 5, 5, 2], [1, 3, 3, 2], [[3, 2, 2, 1], [2]]],
    ['dilation 2, no bias, tanh', { kernelSize: 2, dilationRate: 2, useBias: false, activation: 'tanh' }, [1, 5, 5, 2], [1, 3, 3, 2], [[2, 2, 2, 1]]],
    ['regularized and constrained', { kernelSize: 2, depthwiseRegularizer: 'l2', depthwiseConstraint: 'non_neg', activityRegularizer: 'l1' }, [1, 3, 3, 1], [1, 2, 2, 1], [[2, 2, 1, 1], [1]]],
  ] as const)('passes runLayerTest: %s', async (_name, args, inputShape, outputShape, weightShapes) => {
    await runLayerTest({
      makeLayer: () => depthwiseConv2d(args as never),
      inputShape: [...inputShape],
      expectedOutputShape: [...outputShape],
      expectedWeightShapes: weightShapes.map((shape) => [...shape]),
    });
  });

  it('convolves every channel with its own filters, as hand computed', async () => {
    // Channel 0 holds 1…9, channel 1 ten times that; the kernel sums 2×2 windows, ×1 and ×−1.
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((v) => [v, 10 * v]), [1, 3, 3, 2]);
    const layer = depthwiseConv2d({ kernelSize: 2, depthMultiplier: 2, biasInitializer: { class_name: 'Constant', config: { value: 1 } } });
    layer.build([1, 3, 3, 2]);
    const kernel = tf.tensor4d(new Array(4).fill([1, -1, 1, -1]).flat(), [2, 2, 2, 2]);
    layer.setWeights([kernel, tf.ones([4])]);
    await expectNoLeakedTensors(() => {
      const y = layer.apply(x);
      expect(y.shape).toEqual([1, 2, 2, 4]);
      // Windows sum to 12, 16, 24, 28; outputs per position: c0·1, c0·−1, c1·1, c1·−1, plus 1.
      expectArraysClose(y, [12, 16, 24, 28].flatMap((s) => [s + 1, -s + 1, 10 * s + 1, -10 * s + 1]), 1e-6);
      y.dispose();
    });
    tf.dispose([x, kernel]);
  });

  it.each([
    ['same, strides 2', { kernelSize: 3, strides: 2, padding: 'same', depthMultiplier: 2 }],
    ['dilation 2, elu', { kernelSize: 2, dilationRate: 2, activation: 'elu' }],
  ] as const)('gives the gradients finite differences give: %s', async (_name, args) => {
    await expectLayerGradientsMatchFiniteDifferences({ layer: depthwiseConv2d({ ...args, biasInitializer: 'ones' } as never), inputShape: [1, 5, 5, 2] });
  });

  it('computes symbolic shapes, writes Keras config keys and names bad arguments', () => {
    expect(depthwiseConv2d({ kernelSize: 3, depthMultiplier: 3 }).apply(input({ shape: [8, 8, 4] })).shape).toEqual([null, 6, 6, 12]);
    const config = depthwiseConv2d({ kernelSize: 3, depthwiseInitializer: 'he_normal' }).getConfig();
    expect(config).toMatchObject({ depth_multiplier: 1, kernel_size: [3, 3], depthwise_initializer: { class_name: 'HeNormal' }, depthwise_regularizer: null });
    expect(config).not.toHaveProperty('filters');
    expect(() => depthwiseConv2d({ kernelSize: 3, depthMultiplier: 0, name: 'd1' })).toThrow('Expected depthMultiplier to be an integer ≥ 1, received 0 in layer "d1"');
    expect(() => depthwiseConv2d({ kernelSize: 3, name: 'd2' }).apply(tf.zeros([4, 4, 1]))).toThrow('Expected inputShape of rank 4, received [4, 4, 1] in layer "d2"');
  });
});

it('DepthwiseConv2D on wasm equals the cpu backend, forward and backward', async () => {
  const values = seededArray(2 * 7 * 7 * 3, 4);
  const compute = () => {
    const layer = depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, padding: 'same', activation: 'relu6', depthwiseInitializer: { class_name: 'GlorotUniform', config: { seed: 2 } } });
    const x = tf.tensor4d(values, [2, 7, 7, 3]);
    const loss = (inputs: tf.Tensor) => tf.sum(tf.square(layer.apply(inputs)));
    const y = layer.apply(x);
    const kernel = layer.kernel!.read();
    const { grads } = tf.variableGrads(() => loss(x) as tf.Scalar, [kernel]);
    const inputGradient = tf.grad(loss)(x);
    layer.dispose();
    return [y, grads[kernel.name], inputGradient];
  };
  const expected = await computeOn('cpu', compute);
  const actual = await computeOn('wasm', compute);
  actual.forEach((values, index) => expectArraysClose(values, expected[index], 1e-4));
});
