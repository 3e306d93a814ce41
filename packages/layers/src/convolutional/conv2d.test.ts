import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { computeOn, describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest, expectLayerGradientsMatchFiniteDifferences } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { conv2d } from './conv2d';
import type { ActivationName } from '../activations/get-activation';

afterEach(() => resetUniqueNames());

const constant = (value: number) => ({ class_name: 'Constant', config: { value } });
const image3x3 = () => tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);

describeEachBackend('Conv2D', () => {
  it.each([
    ['valid', { filters: 3, kernelSize: 3 }, [2, 7, 7, 2], [2, 5, 5, 3], [[3, 3, 2, 3], [3]]],
    ['same, strides 2, relu (fused)', { filters: 4, kernelSize: [3, 2], strides: 2, padding: 'same', activation: 'relu' }, [2, 7, 6, 1], [2, 4, 3, 4], [[3, 2, 1, 4], [4]]],
    ['valid, strides [2, 1], leaky_relu (fused)', { filters: 2, kernelSize: 2, strides: [2, 1], activation: 'leaky_relu' }, [1, 5, 5, 2], [1, 2, 4, 2], [[2, 2, 2, 2], [2]]],
    ['no bias, tanh (not fused)', { filters: 2, kernelSize: 2, useBias: false, activation: 'tanh' }, [1, 4, 4, 3], [1, 3, 3, 2], [[2, 2, 3, 2]]],
    ['dilation 2, same', { filters: 2, kernelSize: 3, dilationRate: 2, padding: 'same' }, [1, 6, 6, 2], [1, 6, 6, 2], [[3, 3, 2, 2], [2]]],
    ['dilation [2, 1], valid', { filters: 1, kernelSize: 3, dilationRate: [2, 1] }, [1, 7, 5, 1], [1, 3, 3, 1], [[3, 3, 1, 1], [1]]],
    ['groups 2', { filters: 4, kernelSize: 2, groups: 2, activation: 'relu' }, [1, 4, 4, 6], [1, 3, 3, 4], [[2, 2, 3, 4], [4]]],
    ['regularizers and constraints', { filters: 2, kernelSize: 2, kernelRegularizer: 'l2', biasRegularizer: 'l1', activityRegularizer: 'l2', kernelConstraint: 'max_norm', biasConstraint: 'non_neg' }, [1, 3, 3, 1], [1, 2, 2, 2], [[2, 2, 1, 2], [2]]],
  ] as const)('passes runLayerTest: %s', async (_name, args, inputShape, outputShape, weightShapes) => {
    await runLayerTest({
      makeLayer: () => conv2d(args as never),
      inputShape: [...inputShape],
      expectedOutputShape: [...outputShape],
      expectedWeightShapes: weightShapes.map((shape) => [...shape]),
    });
  });

  it('computes a 2×2 convolution of a 3×3 image as hand computed', async () => {
    const image = image3x3();
    const ones = conv2d({ filters: 1, kernelSize: 2, kernelInitializer: 'ones', biasInitializer: constant(0.5) });
    const diagonal = conv2d({ filters: 1, kernelSize: 2, useBias: false });
    diagonal.build([1, 3, 3, 1]);
    diagonal.setWeights([tf.tensor4d([1, 0, 0, -1], [2, 2, 1, 1])]);
    const strided = conv2d({ filters: 1, kernelSize: 2, strides: 2, padding: 'same', kernelInitializer: 'ones', useBias: false });
    const dilated = conv2d({ filters: 1, kernelSize: 2, dilationRate: 2, kernelInitializer: 'ones', useBias: false });
    const relu = conv2d({ filters: 1, kernelSize: 2, kernelInitializer: 'ones', biasInitializer: constant(-15), activation: 'relu' });
    for (const layer of [ones, diagonal, strided, dilated, relu]) tf.dispose(layer.apply(image));
    await expectNoLeakedTensors(() => {
      const cases: Array<[tf.Tensor, number[]]> = [
        [ones.apply(image), [12.5, 16.5, 24.5, 28.5]], // 1+2+4+5, 2+3+5+6, … plus 0.5
        [diagonal.apply(image), [-4, -4, -4, -4]], // x[i][j] − x[i+1][j+1]
        [strided.apply(image), [12, 9, 15, 9]], // TF "SAME": one row/column of zeros after
        [dilated.apply(image), [20]], // corners 1+3+7+9
        [relu.apply(image), [0, 1, 9, 13]], // 12,16,24,28 − 15, relu
      ];
      for (const [output, expected] of cases) expectArraysClose(output, expected, 1e-6);
      tf.dispose(cases.map(([output]) => output));
    });
    image.dispose();
  });

  it('runs convolution, bias and a fusable activation as one fused kernel', async () => {
    const x = tf.ones([1, 4, 4, 2]);
    const kernelsOf = async (activation: ActivationName) => {
      const layer = conv2d({ filters: 2, kernelSize: 3, padding: 'same', activation });
      tf.dispose(layer.apply(x));
      const profile = await tf.profile(() => layer.apply(x));
      tf.dispose(profile.result as tf.Tensor);
      layer.dispose();
      return profile.kernelNames.filter((name) => !name.endsWith('__op')); // drop tfjs's op-scope entries
    };
    expect(await kernelsOf('relu')).toEqual(['FusedConv2D']);
    expect(await kernelsOf('tanh')).toEqual(['FusedConv2D', 'Tanh']); // bias still fused
    x.dispose();
  });

  it('convolves each channel group with its own filters', () => {
    const layer = conv2d({ filters: 2, kernelSize: 1, groups: 2, useBias: false });
    layer.build([1, 1, 2, 2]);
    layer.setWeights([tf.tensor4d([10, 100], [1, 1, 1, 2])]); // group 0 → ×10, group 1 → ×100
    const x = tf.tensor4d([1, 2, 3, 4], [1, 1, 2, 2]);
    const y = layer.apply(x);
    expectArraysClose(y, [10, 200, 30, 400], 1e-6);
    tf.dispose([x, y]);
  });

  it.each([
    ['same, strides 2', { filters: 2, kernelSize: 3, strides: 2, padding: 'same' }, [1, 5, 5, 2]],
    ['dilation 2', { filters: 2, kernelSize: 2, dilationRate: 2 }, [1, 5, 5, 2]],
    ['groups 2, sigmoid', { filters: 2, kernelSize: 2, groups: 2, activation: 'sigmoid' }, [1, 3, 3, 2]],
  ] as const)('gives the gradients finite differences give: %s', async (_name, args, inputShape) => {
    const layer = conv2d({ ...args, biasInitializer: constant(0.1) } as never);
    await expectLayerGradientsMatchFiniteDifferences({ layer, inputShape: [...inputShape] });
    layer.dispose();
  });

  it('computes symbolic output shapes as Keras', () => {
    expect(conv2d({ filters: 8, kernelSize: 3 }).apply(input({ shape: [28, 28, 1] })).shape).toEqual([null, 26, 26, 8]);
    expect(conv2d({ filters: 8, kernelSize: 3, strides: 2, padding: 'same' }).apply(input({ shape: [7, 7, 3] })).shape).toEqual([null, 4, 4, 8]);
    expect(conv2d({ filters: 8, kernelSize: 3, dilationRate: 2 }).apply(input({ shape: [10, 9, 3] })).shape).toEqual([null, 6, 5, 8]);
    expect(conv2d({ filters: 2, kernelSize: 3 }).apply(input({ shape: [null, null, 3] })).shape).toEqual([null, null, null, 2]);
  });

  it('names the layer and the argument for a wrong input rank', () => {
    const layer = conv2d({ filters: 1, kernelSize: 3 });
    expect(() => layer.apply(tf.zeros([28, 28]))).toThrow('Expected inputShape of rank 4, received [28, 28] in layer "conv2d"');
  });

  it('names the layer and the argument for bad arguments and inputs', () => {
    expect(() => conv2d({ filters: 0, kernelSize: 3, name: 'c0' })).toThrow('Expected filters to be an integer ≥ 1, received 0 in layer "c0"');
    expect(() => conv2d({ filters: 1, kernelSize: [3], name: 'c1' })).toThrow('Expected kernelSize to be an integer ≥ 1 or a list of 2 of them, received [3] in layer "c1"');
    expect(() => conv2d({ filters: 1, kernelSize: 3, padding: 'full' as never, name: 'c2' })).toThrow('Expected padding to be one of valid, same, received "full" in layer "c2"');
    expect(() => conv2d({ filters: 1, kernelSize: 3, padding: 'causal', name: 'c3' })).toThrow(/Expected padding to be one of valid, same, received "causal"/);
    expect(() => conv2d({ filters: 1, kernelSize: 3, strides: 2, dilationRate: 2, name: 'c4' })).toThrow(/Expected strides of 1 when dilationRate > 1.*received strides \[2, 2\] and dilationRate \[2, 2\] in layer "c4"/);
    expect(() => conv2d({ filters: 1, kernelSize: 3, dataFormat: 'channels_first', name: 'c5' })).toThrow(/Expected dataFormat to be channels_last \(channels_first is not supported.*received "channels_first" in layer "c5"/);
    expect(() => conv2d({ filters: 3, kernelSize: 3, groups: 2, name: 'c6' })).toThrow('Expected filters to be divisible by groups (2), received filters 3 in layer "c6"');
    expect(() => conv2d({ filters: 2, kernelSize: 3, activation: 'relux' as never, name: 'c7' })).toThrow(/Unknown activation "relux"/);
    expect(() => conv2d({ filters: 2, kernelSize: 1, groups: 2, name: 'c8' }).apply(input({ shape: [4, 4, 3] }))).toThrow(
      'Expected a known channel count divisible by groups (2), received inputShape [null, 4, 4, 3] in layer "c8"',
    );
    expect(() => conv2d({ filters: 1, kernelSize: 3, name: 'c9' }).apply(input({ shape: [2, 5, 1] }))).toThrow(
      'Expected spatial sizes of at least [3, 3] (the window) with padding "valid", received inputShape [null, 2, 5, 1] in layer "c9"',
    );
    const built = conv2d({ filters: 1, kernelSize: 1, name: 'c10' });
    expect(built.apply(input({ shape: [4, 4, 2] })).shape).toEqual([null, 4, 4, 1]);
    expect(() => built.apply(input({ shape: [4, 4, 3] }))).toThrow('Expected axis -1 of the input to have size 2, received shape [null, 4, 4, 3] in layer "c10"');
  });

  it('writes Keras config keys and rebuilds from them', () => {
    const config = conv2d({ filters: 2, kernelSize: 3, strides: [1, 2], padding: 'SAME' as never, activation: 'relu' }).getConfig();
    expect(config).toMatchObject({ filters: 2, kernel_size: [3, 3], strides: [1, 2], padding: 'same', data_format: 'channels_last', dilation_rate: [1, 1], groups: 1, activation: 'relu', use_bias: true });
    expect(config.kernel_initializer).toMatchObject({ class_name: 'GlorotUniform' });
  });
});

it('Conv2D on wasm equals the cpu backend, forward and backward', async () => {
  const values = seededArray(2 * 9 * 9 * 3, 9);
  const compute = () => {
    const layer = conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: { class_name: 'GlorotUniform', config: { seed: 1 } }, biasInitializer: constant(0.05) });
    const x = tf.tensor4d(values, [2, 9, 9, 3]);
    const y = layer.apply(x);
    const kernel = layer.kernel!.read();
    const { grads } = tf.variableGrads(() => tf.sum(tf.square(layer.apply(x))) as tf.Scalar, [kernel]);
    const inputGradient = tf.grad((input: tf.Tensor) => tf.sum(tf.square(layer.apply(input))))(x);
    layer.dispose();
    return [y, grads[kernel.name], inputGradient];
  };
  const expected = await computeOn('cpu', compute);
  const actual = await computeOn('wasm', compute);
  actual.forEach((values, index) => expectArraysClose(values, expected[index], 1e-4));
});
