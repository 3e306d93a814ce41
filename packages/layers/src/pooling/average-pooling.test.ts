import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { computeOn, describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest, expectLayerGradientsMatchFiniteDifferences } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { averagePooling1d } from './average-pooling1d';
import { averagePooling2d } from './average-pooling2d';

afterEach(() => resetUniqueNames());

describeEachBackend('AveragePooling1D and AveragePooling2D', () => {
  it.each([
    ['2d [2, 3]', () => averagePooling2d({ poolSize: [2, 3] }), [1, 6, 6, 1], [1, 3, 2, 1]],
    ['2d 3, strides 1, same', () => averagePooling2d({ poolSize: 3, strides: 1, padding: 'same' }), [2, 4, 5, 2], [2, 4, 5, 2]],
    ['2d 2, strides 1', () => averagePooling2d({ strides: 1 }), [1, 3, 4, 2], [1, 2, 3, 2]],
    ['1d default', () => averagePooling1d(), [2, 7, 3], [2, 3, 3]],
    ['1d 3, strides 2, same', () => averagePooling1d({ poolSize: 3, strides: 2, padding: 'same' }), [2, 7, 3], [2, 4, 3]],
  ] as const)('passes runLayerTest: %s', async (_name, make, inputShape, outputShape) => {
    await runLayerTest({ makeLayer: make, inputShape: [...inputShape], expectedOutputShape: [...outputShape], expectedWeightShapes: [] });
  });

  it('averages every window (inside the input only, with same padding), as hand computed', async () => {
    const image = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [1, 4, 4, 1]);
    const small = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const sequence = tf.tensor3d([1, 2, 3, 4, 5], [1, 5, 1]);
    await expectNoLeakedTensors(() => {
      const cases: Array<[tf.Tensor, number[]]> = [
        [averagePooling2d().apply(image), [3.5, 5.5, 11.5, 13.5]],
        [averagePooling2d({ poolSize: 3, strides: 1, padding: 'same' }).apply(small), [3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7]],
        [averagePooling1d({ poolSize: 3, strides: 2, padding: 'same' }).apply(sequence), [1.5, 3, 4.5]],
        [averagePooling1d({ poolSize: 2, strides: 1 }).apply(sequence), [1.5, 2.5, 3.5, 4.5]],
      ];
      for (const [output, expected] of cases) expectArraysClose(output, expected, 1e-6);
      tf.dispose(cases.map(([output]) => output));
    });
    tf.dispose([image, small, sequence]);
  });

  it.each([
    ['2d valid', () => averagePooling2d(), [1, 4, 4, 2]],
    ['2d 3, strides 2, same', () => averagePooling2d({ poolSize: 3, strides: 2, padding: 'same' }), [1, 5, 5, 1]],
    ['1d 3, strides 2, same', () => averagePooling1d({ poolSize: 3, strides: 2, padding: 'same' }), [2, 5, 2]],
  ] as const)('gives the input gradient finite differences give: %s', async (_name, make, shape) => {
    await expectLayerGradientsMatchFiniteDifferences({ layer: make(), inputShape: [...shape], samples: 12 });
  });

  it('computes symbolic shapes and names bad arguments', () => {
    expect(averagePooling2d({ padding: 'same' }).apply(input({ shape: [7, 7, 3] })).shape).toEqual([null, 4, 4, 3]);
    expect(averagePooling1d({ poolSize: 4 }).getConfig()).toMatchObject({ pool_size: [4], strides: [4], padding: 'valid' });
    expect(() => averagePooling1d({ poolSize: 1.5, name: 'a1' })).toThrow('Expected poolSize to be an integer ≥ 1 or a list of 1 of them, received 1.5 in layer "a1"');
    expect(() => averagePooling1d({ name: 'a2' }).apply(tf.zeros([2, 4]))).toThrow('Expected inputShape of rank 3, received [2, 4] in layer "a2"');
  });
});

it('average pooling on wasm equals the cpu backend, forward and backward', async () => {
  const values = seededArray(2 * 9 * 8 * 3, 12);
  const compute = () => {
    const x = tf.tensor4d(values, [2, 9, 8, 3]);
    const layer = averagePooling2d({ poolSize: 3, strides: 2, padding: 'same' });
    const loss = (inputs: tf.Tensor) => tf.sum(tf.square(layer.apply(inputs)));
    return [layer.apply(x), tf.grad(loss)(x)];
  };
  const expected = await computeOn('cpu', compute);
  const actual = await computeOn('wasm', compute);
  actual.forEach((values, index) => expectArraysClose(values, expected[index], 1e-5));
});
