import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { runLayerTest, expectLayerGradientsMatchFiniteDifferences } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { getMask, setMask } from '../engine/masking';
import { input } from '../engine/input-layer';
import { globalAveragePooling1d } from './global-average-pooling1d';
import { globalAveragePooling2d } from './global-average-pooling2d';
import { globalMaxPooling1d } from './global-max-pooling1d';
import { globalMaxPooling2d } from './global-max-pooling2d';

afterEach(() => resetUniqueNames());

describeEachBackend('global pooling layers', () => {
  it.each([
    ['GlobalMaxPooling2D', () => globalMaxPooling2d(), [2, 4, 4, 3], [2, 3]],
    ['GlobalMaxPooling2D keepdims', () => globalMaxPooling2d({ keepdims: true }), [2, 4, 3, 3], [2, 1, 1, 3]],
    ['GlobalAveragePooling2D', () => globalAveragePooling2d(), [2, 3, 5, 4], [2, 4]],
    ['GlobalAveragePooling2D keepdims', () => globalAveragePooling2d({ keepdims: true }), [2, 4, 4, 3], [2, 1, 1, 3]],
    ['GlobalMaxPooling1D', () => globalMaxPooling1d(), [2, 5, 3], [2, 3]],
    ['GlobalMaxPooling1D keepdims', () => globalMaxPooling1d({ keepdims: true }), [2, 5, 3], [2, 1, 3]],
    ['GlobalAveragePooling1D', () => globalAveragePooling1d(), [2, 5, 3], [2, 3]],
    ['GlobalAveragePooling1D keepdims', () => globalAveragePooling1d({ keepdims: true }), [2, 5, 3], [2, 1, 3]],
  ] as const)('passes runLayerTest: %s', async (_name, make, inputShape, outputShape) => {
    await runLayerTest({ makeLayer: make, inputShape: [...inputShape], expectedOutputShape: [...outputShape], expectedWeightShapes: [] });
  });

  it('pools every spatial axis, as hand computed', async () => {
    // Two channels: 1…8 and their negatives, over a 2×2 image and a 4-step sequence.
    const image = tf.tensor4d([1, -1, 2, -2, 3, -3, 4, -4], [1, 2, 2, 2]);
    const sequence = tf.tensor3d([1, -1, 5, -5, 2, -2, 8, -8], [1, 4, 2]);
    await expectNoLeakedTensors(() => {
      const cases: Array<[tf.Tensor, number[]]> = [
        [globalMaxPooling2d().apply(image), [4, -1]],
        [globalAveragePooling2d().apply(image), [2.5, -2.5]],
        [globalMaxPooling1d().apply(sequence), [8, -1]],
        [globalAveragePooling1d().apply(sequence), [4, -4]],
      ];
      for (const [output, expected] of cases) expectArraysClose(output, expected, 1e-6);
      tf.dispose(cases.map(([output]) => output));
    });
    tf.dispose([image, sequence]);
  });

  it('averages only the unmasked steps in GlobalAveragePooling1D, as Keras, and passes no mask on', async () => {
    const x = tf.tensor3d([[[1, 10], [3, 30], [100, 1000]], [[2, 20], [4, 40], [6, 60]]]);
    const mask = tf.tensor2d([[1, 1, 0], [1, 1, 1]], [2, 3], 'bool');
    setMask(x, mask);
    const layer = globalAveragePooling1d();
    await expectNoLeakedTensors(() => {
      const y = layer.apply(x);
      expectArraysClose(y, [2, 20, 4, 40], 1e-6);
      expect(getMask(y)).toBeNull();
      y.dispose();
    });
    tf.dispose([x, mask]);
  });

  it.each([
    ['GlobalAveragePooling2D', () => globalAveragePooling2d(), [2, 3, 3, 2]],
    ['GlobalAveragePooling1D', () => globalAveragePooling1d({ keepdims: true }), [2, 4, 3]],
  ] as const)('gives the input gradient finite differences give: %s', async (_name, make, shape) => {
    await expectLayerGradientsMatchFiniteDifferences({ layer: make(), inputShape: [...shape] });
  });

  it('computes symbolic shapes and names bad inputs', () => {
    expect(globalAveragePooling2d().apply(input({ shape: [7, 7, 64] })).shape).toEqual([null, 64]);
    expect(globalMaxPooling1d({ keepdims: true }).apply(input({ shape: [null, 16] })).shape).toEqual([null, 1, 16]);
    expect(globalMaxPooling2d().getConfig()).toMatchObject({ keepdims: false, data_format: 'channels_last' });
    expect(() => globalMaxPooling1d({ dataFormat: 'channels_first', name: 'g1' })).toThrow(/Expected dataFormat to be channels_last.*in layer "g1"/);
    expect(() => globalMaxPooling2d({ name: 'g2' }).apply(tf.zeros([2, 3, 4]))).toThrow('Expected inputShape of rank 4, received [2, 3, 4] in layer "g2"');
  });
});
