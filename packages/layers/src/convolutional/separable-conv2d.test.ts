import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { computeOn, describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest, expectLayerGradientsMatchFiniteDifferences } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { separableConv2d } from './separable-conv2d';

afterEach(() => resetUniqueNames());

describeEachBackend('SeparableConv2D', () => {
  it.each([
    ['same', { filters: 4, kernelSize: 3, padding: 'same' }, [1, 5, 5, 2], [1, 5, 5, 4], [[3, 3, 2, 1], [1, 1, 2, 4], [4]]],
    ['valid, strides 2, depthMultiplier 2, relu', { filters: 3, kernelSize: 2, strides: 2, depthMultiplier: 2, activation: 'relu' }, [2, 6, 5, 2], [2, 3, 2, 3], [[2, 2, 2, 2], [1, 1, 4, 3], [3]]],
    ['dilation 2, no bias', { filters: 2, kernelSize: 2, dilationRate: 2, useBias: false }, [1, 5, 5, 3], [1, 3, 3, 2], [[2, 2, 3, 1], [1, 1, 3, 2]]],
    ['regularized', { filters: 2, kernelSize: 2, pointwiseRegularizer: 'l2', depthwiseRegularizer: 'l1', pointwiseConstraint: 'unit_norm' }, [1, 3, 3, 1], [1, 2, 2, 2], [[2, 2, 1, 1], [1, 1, 1, 2], [2]]],
  ] as const)('passes runLayerTest: %s', async (_name, args, inputShape, outputShape, weightShapes) => {
    await runLayerTest({
      makeLayer: () => separableConv2d(args as never),
      inputShape: [...inputShape],
      expectedOutputShape: [...outputShape],
      expectedWeightShapes: weightShapes.map((shape) => [...shape]),
    });
  });

  it('runs the depthwise then the pointwise convolution, as hand computed', async () => {
    // Two channels: 1…9 and all ones; depthwise sums 2×2 windows; pointwise takes c0 − 2·c1.
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((v) => [v, 1]), [1, 3, 3, 2]);
    const layer = separableConv2d({ filters: 1, kernelSize: 2, depthwiseInitializer: 'ones' });
    layer.build([1, 3, 3, 2]);
    const [depthwise, , bias] = layer.getWeights();
    const pointwise = tf.tensor4d([1, -2], [1, 1, 2, 1]);
    layer.setWeights([depthwise, pointwise, tf.fill([1], 0.5)]);
    await expectNoLeakedTensors(() => {
      const y = layer.apply(x);
      expectArraysClose(y, [12 - 8 + 0.5, 16 - 8 + 0.5, 24 - 8 + 0.5, 28 - 8 + 0.5], 1e-6);
      y.dispose();
    });
    tf.dispose([x, depthwise, pointwise, bias]);
  });

  it.each([
    ['same, strides 2', { filters: 2, kernelSize: 3, strides: 2, padding: 'same', depthMultiplier: 2 }],
    ['dilation 2, sigmoid', { filters: 3, kernelSize: 2, dilationRate: 2, activation: 'sigmoid' }],
  ] as const)('gives the gradients finite differences give: %s', async (_name, args) => {
    await expectLayerGradientsMatchFiniteDifferences({ layer: separableConv2d({ ...args, biasInitializer: 'ones' } as never), inputShape: [1, 5, 5, 2] });
  });

  it('computes symbolic shapes, writes Keras config keys and names bad arguments', () => {
    expect(separableConv2d({ filters: 5, kernelSize: 3 }).apply(input({ shape: [8, 8, 4] })).shape).toEqual([null, 6, 6, 5]);
    const config = separableConv2d({ filters: 2, kernelSize: 3 }).getConfig();
    expect(config).toMatchObject({ depth_multiplier: 1, filters: 2, pointwise_initializer: { class_name: 'GlorotUniform' }, pointwise_constraint: null });
    expect(() => separableConv2d({ filters: -1, kernelSize: 3, name: 's1' })).toThrow('Expected filters to be an integer ≥ 1, received -1 in layer "s1"');
    expect(() => separableConv2d({ filters: 1, kernelSize: 3, padding: 'full' as never, name: 's2' })).toThrow('Expected padding to be one of valid, same, received "full" in layer "s2"');
  });
});

it('SeparableConv2D on wasm equals the cpu backend, forward and backward', async () => {
  const values = seededArray(2 * 6 * 6 * 3, 6);
  const compute = () => {
    const layer = separableConv2d({
      filters: 4,
      kernelSize: 3,
      depthMultiplier: 2,
      activation: 'relu',
      depthwiseInitializer: { class_name: 'GlorotUniform', config: { seed: 4 } },
      pointwiseInitializer: { class_name: 'GlorotUniform', config: { seed: 5 } },
    });
    const x = tf.tensor4d(values, [2, 6, 6, 3]);
    const loss = (inputs: tf.Tensor) => tf.sum(tf.square(layer.apply(inputs)));
    const y = layer.apply(x);
    const variables = layer.trainableWeights.map((weight) => weight.read());
    const { grads } = tf.variableGrads(() => loss(x) as tf.Scalar, variables);
    const inputGradient = tf.grad(loss)(x);
    layer.dispose();
    return [y, ...variables.map((variable) => grads[variable.name]), inputGradient];
  };
  const expected = await computeOn('cpu', compute);
  const actual = await computeOn('wasm', compute);
  actual.forEach((values, index) => expectArraysClose(values, expected[index], 1e-4));
});
