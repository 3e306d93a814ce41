import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { computeOn, describeEachBackend, expectArraysClose, seededArray } from '@dendrite/test-utils';
import { runLayerTest } from '../testing/run-layer-test';
import { resetUniqueNames } from '../engine/unique-names';
import { conv1d, conv2d, conv2dTranspose, depthwiseConv2d, separableConv2d } from './conv-layers';

afterEach(() => resetUniqueNames());

describeEachBackend('convolution layers', () => {
  it.each([
    ['conv2d valid', () => conv2d({ filters: 3, kernelSize: 3 }), [2, 7, 7, 2], [2, 5, 5, 3], [[3, 3, 2, 3], [3]]],
    ['conv2d same stride 2 relu', () => conv2d({ filters: 4, kernelSize: [3, 2], strides: 2, padding: 'same', activation: 'relu' }), [2, 7, 6, 1], [2, 4, 3, 4], [[3, 2, 1, 4], [4]]],
    ['conv2d no bias, tanh', () => conv2d({ filters: 2, kernelSize: 2, useBias: false, activation: 'tanh' }), [1, 4, 4, 3], [1, 3, 3, 2], [[2, 2, 3, 2]]],
    ['conv1d same', () => conv1d({ filters: 5, kernelSize: 3, padding: 'same' }), [2, 9, 4], [2, 9, 5], [[3, 4, 5], [5]]],
    ['conv1d causal', () => conv1d({ filters: 2, kernelSize: 3, padding: 'causal' }), [2, 6, 3], [2, 6, 2], [[3, 3, 2], [2]]],
    ['conv2dTranspose same stride 2', () => conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same' }), [1, 4, 4, 3], [1, 8, 8, 2], [[3, 3, 2, 3], [2]]],
    ['depthwiseConv2d', () => depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2 }), [2, 6, 6, 3], [2, 4, 4, 6], [[3, 3, 3, 2], [6]]],
    ['separableConv2d', () => separableConv2d({ filters: 4, kernelSize: 3, padding: 'same' }), [1, 5, 5, 2], [1, 5, 5, 4], [[3, 3, 2, 1], [4], [1, 1, 2, 4]]],
  ] as const)('%s passes runLayerTest', async (_name, make, inputShape, outputShape, weights) => {
    await runLayerTest({ makeLayer: make, inputShape: [...inputShape], expectedOutputShape: [...outputShape], expectedWeightShapes: weights.map((w) => [...w]) });
  });

  it('computes a 2×2 convolution of a 3×3 image as hand computed', () => {
    const layer = conv2d({ filters: 1, kernelSize: 2, kernelInitializer: 'ones', biasInitializer: { class_name: 'Constant', config: { value: 0.5 } } });
    const image = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const y = layer.apply(image);
    expectArraysClose(y, [12.5, 16.5, 24.5, 28.5]);
    tf.dispose([image, y]);
  });

  it('gives the filter gradient that central finite differences give', async () => {
    const layer = conv2d({ filters: 2, kernelSize: 2, strides: 1, padding: 'same' });
    const x = tf.tensor4d(seededArray(1 * 4 * 4 * 2, 3), [1, 4, 4, 2]);
    tf.dispose(layer.apply(x));
    const kernel = layer.kernel!.read();
    const loss = () => tf.tidy(() => tf.sum(tf.square(layer.apply(x))).dataSync()[0]);
    const { grads } = tf.variableGrads(() => tf.sum(tf.square(layer.apply(x))) as tf.Scalar, [kernel]);
    const analytic = grads[kernel.name].dataSync().slice();
    tf.dispose(Object.values(grads));
    const values = kernel.dataSync().slice();
    const h = 1e-2;
    for (const index of [0, 5, 11, 15]) {
      const shifted = (delta: number) => {
        const copy = values.slice();
        copy[index] += delta;
        tf.tidy(() => kernel.assign(tf.tensor(copy, kernel.shape)));
        return loss();
      };
      const numeric = (shifted(h) - shifted(-h)) / (2 * h);
      expect(Math.abs(numeric - analytic[index]) / Math.max(1, Math.abs(numeric))).toBeLessThan(2e-2);
    }
    tf.dispose(x);
    layer.dispose();
  });

  it('names bad arguments and inputs', () => {
    expect(() => conv2d({ filters: 0, kernelSize: 3 })).toThrow('Expected filters to be an integer ≥ 1, received 0 in layer "conv2d"');
    expect(() => conv2d({ filters: 1, kernelSize: [3] })).toThrow(/Expected kernelSize to be an integer ≥ 1 or a list of 2 of them, received \[3\]/);
    expect(() => conv2d({ filters: 1, kernelSize: 3, padding: 'full' as never })).toThrow(/Expected padding to be one of valid, same, received "full"/);
    const layer = conv2d({ filters: 1, kernelSize: 3, name: 'conv2d_in' });
    expect(() => layer.apply(tf.zeros([28, 28]))).toThrow('Expected inputShape of rank 4, received [28, 28] in layer "conv2d_in"');
  });
});

it('convolutions on wasm equal the cpu backend, forward and backward', async () => {
  const x = seededArray(2 * 8 * 8 * 3, 9);
  const compute = () => {
    const layer = conv2d({ filters: 4, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu', kernelInitializer: { class_name: 'GlorotUniform', config: { seed: 1 } } });
    const input = tf.tensor4d(x, [2, 8, 8, 3]);
    const y = layer.apply(input);
    const kernel = layer.kernel!.read();
    const { grads } = tf.variableGrads(() => tf.sum(tf.square(layer.apply(input))) as tf.Scalar, [kernel]);
    return [y, grads[kernel.name]];
  };
  const expected = await computeOn('cpu', compute);
  const actual = await computeOn('wasm', compute);
  expectArraysClose(actual[0], expected[0]);
  expectArraysClose(actual[1], expected[1]);
});
