import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { computeOn, describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest, expectLayerGradientsMatchFiniteDifferences } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { conv2d } from './conv2d';
import { conv2dTranspose } from './conv2d-transpose';

afterEach(() => resetUniqueNames());

describeEachBackend('Conv2DTranspose', () => {
  it.each([
    ['same, strides 2', { filters: 2, kernelSize: 3, strides: 2, padding: 'same' }, [1, 4, 4, 3], [1, 8, 8, 2], [[3, 3, 2, 3], [2]]],
    ['valid, strides 2', { filters: 2, kernelSize: 3, strides: 2 }, [2, 3, 4, 1], [2, 7, 9, 2], [[3, 3, 2, 1], [2]]],
    ['same, outputPadding 0', { filters: 1, kernelSize: 3, strides: 2, padding: 'same', outputPadding: 0 }, [1, 4, 4, 2], [1, 7, 7, 1], [[3, 3, 1, 2], [1]]],
    // (n − 1)·s + k mod 2 + p: 5 and 4; TensorFlow's "SAME" cannot express the second.
    ['even kernel, same, outputPadding [1, 0]', { filters: 1, kernelSize: 2, strides: 2, padding: 'same', outputPadding: [1, 0] }, [1, 3, 3, 2], [1, 5, 4, 1], [[2, 2, 1, 2], [1]]],
    ['dilation 2, relu', { filters: 2, kernelSize: 2, dilationRate: 2, activation: 'relu' }, [1, 3, 3, 2], [1, 5, 5, 2], [[2, 2, 2, 2], [2]]],
    ['no bias, sigmoid', { filters: 3, kernelSize: [2, 3], strides: [1, 2], useBias: false, activation: 'sigmoid' }, [1, 3, 3, 2], [1, 4, 7, 3], [[2, 3, 3, 2]]],
  ] as const)('passes runLayerTest: %s', async (_name, args, inputShape, outputShape, weightShapes) => {
    await runLayerTest({
      makeLayer: () => conv2dTranspose(args as never),
      inputShape: [...inputShape],
      expectedOutputShape: [...outputShape],
      expectedWeightShapes: weightShapes.map((shape) => [...shape]),
    });
  });

  it('spreads every input pixel over the kernel, as hand computed', async () => {
    const x = tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]);
    const blocks = conv2dTranspose({ filters: 1, kernelSize: 2, strides: 2, kernelInitializer: 'ones', useBias: false });
    const overlapping = conv2dTranspose({ filters: 1, kernelSize: 2, kernelInitializer: 'ones', biasInitializer: { class_name: 'Constant', config: { value: 1 } } });
    tf.dispose([blocks.apply(x), overlapping.apply(x)]);
    await expectNoLeakedTensors(() => {
      const a = blocks.apply(x);
      const b = overlapping.apply(x);
      expectArraysClose(a, [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4], 1e-6);
      expectArraysClose(b, [2, 4, 3, 5, 11, 7, 4, 8, 5], 1e-6); // [[1,3,2],[4,10,6],[3,7,4]] + 1
      tf.dispose([a, b]);
    });
    x.dispose();
  });

  it('is the adjoint of the convolution with the same kernel: ⟨convT(x), y⟩ = ⟨x, conv(y)⟩', () => {
    const transpose = conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same', useBias: false });
    const forward = conv2d({ filters: 3, kernelSize: 3, strides: 2, padding: 'same', useBias: false });
    const x = tf.tensor4d(seededArray(1 * 4 * 4 * 3, 1), [1, 4, 4, 3]);
    const y = tf.tensor4d(seededArray(1 * 8 * 8 * 2, 2), [1, 8, 8, 2]);
    tf.dispose([transpose.apply(x), forward.apply(y)]);
    forward.setWeights(transpose.getWeights()); // [3, 3, 2, 3]: in 2, out 3 for the forward conv
    const left = tf.tidy(() => tf.sum(tf.mul(transpose.apply(x), y)).dataSync()[0]);
    const right = tf.tidy(() => tf.sum(tf.mul(x, forward.apply(y))).dataSync()[0]);
    expect(left).toBeCloseTo(right, 4);
    tf.dispose([x, y]);
  });

  it.each([
    ['same, strides 2', { filters: 2, kernelSize: 3, strides: 2, padding: 'same' }],
    ['valid, outputPadding 1', { filters: 1, kernelSize: 3, strides: 2, outputPadding: 1 }],
    ['dilation 2', { filters: 2, kernelSize: 2, dilationRate: 2 }],
  ] as const)('gives the gradients finite differences give: %s', async (_name, args) => {
    await expectLayerGradientsMatchFiniteDifferences({ layer: conv2dTranspose({ ...args, biasInitializer: 'ones' } as never), inputShape: [1, 3, 3, 2] });
  });

  it('computes Keras output shapes and names bad arguments', () => {
    expect(conv2dTranspose({ filters: 8, kernelSize: 3, strides: 2, padding: 'same' }).apply(input({ shape: [7, 7, 16] })).shape).toEqual([null, 14, 14, 8]);
    expect(conv2dTranspose({ filters: 8, kernelSize: 3, strides: 2 }).apply(input({ shape: [7, 7, 16] })).shape).toEqual([null, 15, 15, 8]);
    expect(() => conv2dTranspose({ filters: 1, kernelSize: 3, strides: 2, outputPadding: 2, name: 't1' })).toThrow('Expected outputPadding smaller than strides [2, 2] on every axis, received [2, 2] in layer "t1"');
    expect(() => conv2dTranspose({ filters: 1, kernelSize: 3, padding: 'causal' as never, name: 't2' })).toThrow(/Expected padding to be one of valid, same, received "causal" in layer "t2"/);
    const config = conv2dTranspose({ filters: 1, kernelSize: 3, strides: 2, outputPadding: 1 }).getConfig();
    expect(config).toMatchObject({ output_padding: [1, 1], strides: [2, 2] });
    expect(config).not.toHaveProperty('groups');
  });
});

it('Conv2DTranspose on wasm equals the cpu backend, forward and backward', async () => {
  const values = seededArray(2 * 5 * 4 * 3, 5);
  const compute = () => {
    const layer = conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same', outputPadding: [1, 0], kernelInitializer: { class_name: 'GlorotUniform', config: { seed: 3 } } });
    const x = tf.tensor4d(values, [2, 5, 4, 3]);
    const loss = (input: tf.Tensor) => tf.sum(tf.square(layer.apply(input)));
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
