import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { runLayerTest, expectLayerGradientsMatchFiniteDifferences } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { conv1d } from './conv1d';

afterEach(() => resetUniqueNames());

describeEachBackend('Conv1D', () => {
  it.each([
    ['valid', { filters: 3, kernelSize: 3 }, [2, 8, 4], [2, 6, 3], [[3, 4, 3], [3]]],
    ['same', { filters: 5, kernelSize: 3, padding: 'same' }, [2, 9, 4], [2, 9, 5], [[3, 4, 5], [5]]],
    ['causal', { filters: 2, kernelSize: 3, padding: 'causal' }, [2, 6, 3], [2, 6, 2], [[3, 3, 2], [2]]],
    ['causal, dilation 2, relu', { filters: 2, kernelSize: 2, padding: 'causal', dilationRate: 2, activation: 'relu' }, [1, 7, 2], [1, 7, 2], [[2, 2, 2], [2]]],
    ['strides 2, no bias', { filters: 2, kernelSize: 3, strides: 2, useBias: false }, [2, 9, 1], [2, 4, 2], [[3, 1, 2]]],
    ['groups 3', { filters: 3, kernelSize: 2, groups: 3 }, [1, 5, 6], [1, 4, 3], [[2, 2, 3], [3]]],
  ] as const)('passes runLayerTest: %s', async (_name, args, inputShape, outputShape, weightShapes) => {
    await runLayerTest({
      makeLayer: () => conv1d(args as never),
      inputShape: [...inputShape],
      expectedOutputShape: [...outputShape],
      expectedWeightShapes: weightShapes.map((shape) => [...shape]),
    });
  });

  it('computes valid, same and causal convolutions as hand computed', async () => {
    const x = tf.tensor3d([1, 2, 3, 4], [1, 4, 1]);
    const make = (padding: 'valid' | 'same' | 'causal', dilationRate = 1) => {
      const layer = conv1d({ filters: 1, kernelSize: 2, padding, dilationRate, useBias: false });
      layer.build([1, 4, 1]);
      layer.setWeights([tf.tensor3d([1, 10], [2, 1, 1])]); // y[t] = x[t] + 10·x[t+1]
      return layer;
    };
    const layers = [make('valid'), make('same'), make('causal'), make('causal', 2)];
    await expectNoLeakedTensors(() => {
      const outputs = layers.map((layer) => layer.apply(x));
      expectArraysClose(outputs[0], [21, 32, 43], 1e-6);
      expectArraysClose(outputs[1], [21, 32, 43, 4], 1e-6); // TF "SAME": the zero comes after
      expectArraysClose(outputs[2], [10, 21, 32, 43], 1e-6); // output t sees steps t−1 and t
      expectArraysClose(outputs[3], [10, 20, 31, 42], 1e-6); // steps t−2 and t
      tf.dispose(outputs);
    });
    x.dispose();
  });

  it('gives the gradients finite differences give', async () => {
    const layer = conv1d({ filters: 2, kernelSize: 3, padding: 'causal', dilationRate: 2, biasInitializer: 'ones' });
    await expectLayerGradientsMatchFiniteDifferences({ layer, inputShape: [2, 6, 2] });
  });

  it('computes symbolic shapes and names bad arguments', () => {
    expect(conv1d({ filters: 4, kernelSize: 5, strides: 2 }).apply(input({ shape: [100, 8] })).shape).toEqual([null, 48, 4]);
    expect(() => conv1d({ filters: 1, kernelSize: [3, 3], name: 'c1' })).toThrow('Expected kernelSize to be an integer ≥ 1 or a list of 1 of them, received [3,3] in layer "c1"');
    expect(() => conv1d({ filters: 1, kernelSize: 3, padding: 'full' as never, name: 'c2' })).toThrow('Expected padding to be one of valid, same, causal, received "full" in layer "c2"');
    expect(() => conv1d({ filters: 1, kernelSize: 3, name: 'c3' }).apply(tf.zeros([2, 5, 1, 1]))).toThrow('Expected inputShape of rank 3, received [2, 5, 1, 1] in layer "c3"');
  });
});
