import { afterEach, expect, it, vi } from 'vitest';
import { tf } from '@dendrite/backend';
import { computeOn, describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { runLayerTest, expectLayerGradientsMatchFiniteDifferences } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { input } from '../engine/input-layer';
import { maxPooling1d } from './max-pooling1d';
import { maxPooling2d } from './max-pooling2d';

afterEach(() => resetUniqueNames());

/** Distinct values 0.1 apart, shuffled: no window has a near tie for finite differences to flip. */
function separatedValues(size: number): Float32Array {
  const order = Array.from(seededArray(size, 21)).map((key, index) => [key, index]).sort((a, b) => a[0] - b[0]);
  return Float32Array.from(order, ([, index]) => (index - size / 2) * 0.1);
}

describeEachBackend('MaxPooling1D and MaxPooling2D', () => {
  it.each([
    ['2d default', () => maxPooling2d(), [2, 6, 6, 3], [2, 3, 3, 3]],
    ['2d [3, 3], strides 1, same', () => maxPooling2d({ poolSize: 3, strides: 1, padding: 'same' }), [1, 5, 5, 2], [1, 5, 5, 2]],
    ['2d [2, 3], strides [1, 2], valid', () => maxPooling2d({ poolSize: [2, 3], strides: [1, 2] }), [1, 4, 7, 1], [1, 3, 3, 1]],
    ['2d 3, strides 2, same', () => maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' }), [2, 7, 6, 2], [2, 4, 3, 2]],
    ['1d default', () => maxPooling1d(), [2, 8, 3], [2, 4, 3]],
    ['1d 3, strides 1, same', () => maxPooling1d({ poolSize: 3, strides: 1, padding: 'same' }), [2, 5, 2], [2, 5, 2]],
  ] as const)('passes runLayerTest: %s', async (_name, make, inputShape, outputShape) => {
    await runLayerTest({ makeLayer: make, inputShape: [...inputShape], expectedOutputShape: [...outputShape], expectedWeightShapes: [] });
  });

  it('takes the maximum of every window, as hand computed', async () => {
    const image = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [1, 4, 4, 1]);
    const small = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const sequence = tf.tensor3d([1, 3, 2, 5, 4], [1, 5, 1]);
    await expectNoLeakedTensors(() => {
      const cases: Array<[tf.Tensor, number[]]> = [
        [maxPooling2d().apply(image), [6, 8, 14, 16]],
        [maxPooling2d({ poolSize: 3, strides: 1, padding: 'same' }).apply(small), [5, 6, 6, 8, 9, 9, 8, 9, 9]],
        [maxPooling2d({ padding: 'same' }).apply(small), [5, 6, 8, 9]],
        [maxPooling1d().apply(sequence), [3, 5]],
        [maxPooling1d({ padding: 'same' }).apply(sequence), [3, 5, 4]],
      ];
      for (const [output, expected] of cases) expectArraysClose(output, expected, 0);
      tf.dispose(cases.map(([output]) => output));
    });
    tf.dispose([image, small, sequence]);
  });

  it.each([
    ['2d valid', () => maxPooling2d(), [1, 4, 4, 2]],
    ['2d 3, strides 2, same', () => maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' }), [1, 5, 5, 1]],
    ['1d 3, strides 1, same', () => maxPooling1d({ poolSize: 3, strides: 1, padding: 'same' }), [2, 5, 2]],
  ] as const)('gives the input gradient finite differences give: %s', async (_name, make, shape) => {
    const inputShape = [...shape];
    await expectLayerGradientsMatchFiniteDifferences({ layer: make(), inputShape, inputValues: separatedValues(tf.util.sizeFromShape(inputShape)), samples: 12 });
  });

  it('computes symbolic shapes, writes Keras config keys and names bad arguments and inputs', () => {
    expect(maxPooling2d().apply(input({ shape: [28, 28, 32] })).shape).toEqual([null, 14, 14, 32]);
    expect(maxPooling2d({ poolSize: 3, strides: 2 }).apply(input({ shape: [7, 7, 1] })).shape).toEqual([null, 3, 3, 1]);
    expect(maxPooling1d({ poolSize: 3 }).apply(input({ shape: [null, 4] })).shape).toEqual([null, null, 4]);
    expect(maxPooling2d({ poolSize: 3 }).getConfig()).toMatchObject({ pool_size: [3, 3], strides: [3, 3], padding: 'valid', data_format: 'channels_last' });
    expect(() => maxPooling2d({ poolSize: 0, name: 'p1' })).toThrow('Expected poolSize to be an integer ≥ 1 or a list of 2 of them, received 0 in layer "p1"');
    expect(() => maxPooling2d({ padding: 'full' as never, name: 'p2' })).toThrow('Expected padding to be one of valid, same, received "full" in layer "p2"');
    expect(() => maxPooling1d({ strides: [1, 1], name: 'p3' })).toThrow('Expected strides to be an integer ≥ 1 or a list of 1 of them, received [1,1] in layer "p3"');
    expect(() => maxPooling2d({ dataFormat: 'channels_first', name: 'p4' })).toThrow(/Expected dataFormat to be channels_last.*in layer "p4"/);
    expect(() => maxPooling2d({ name: 'p5' }).apply(tf.zeros([4, 4, 1]))).toThrow('Expected inputShape of rank 4, received [4, 4, 1] in layer "p5"');
    expect(() => maxPooling2d({ poolSize: 3, name: 'p6' }).apply(input({ shape: [2, 8, 1] }))).toThrow(
      'Expected spatial sizes of at least [3, 3] (the window) with padding "valid", received inputShape [null, 2, 8, 1] in layer "p6"',
    );
  });
});

it('max pooling on wasm equals the cpu backend, forward and backward', async () => {
  const values = seededArray(2 * 9 * 8 * 3, 8);
  const compute = () => {
    const x = tf.tensor4d(values, [2, 9, 8, 3]);
    const layer = maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' });
    const loss = (inputs: tf.Tensor) => tf.sum(tf.square(layer.apply(inputs)));
    return [layer.apply(x), tf.grad(loss)(x)];
  };
  const expected = await computeOn('cpu', compute);
  const actual = await computeOn('wasm', compute);
  actual.forEach((values, index) => expectArraysClose(values, expected[index], 1e-5));
});

it('names the layer when a size the built shape left open turns out too small', () => {
  const pool = maxPooling2d({ poolSize: [3, 3], name: 'p1' });
  pool.apply(input({ shape: [null, null, 1] }));
  const x = tf.zeros([1, 2, 2, 1]);
  expect(() => pool.apply(x)).toThrow('Expected spatial sizes of at least [3, 3] (the window) with padding "valid", received inputShape [1, 2, 2, 1] in layer "p1"');
  x.dispose();
});

it('computes the output shape once per symbolic call and once per call on tensors', () => {
  const symbolic = maxPooling2d();
  const spy = vi.spyOn(symbolic, 'computeOutputShape');
  symbolic.apply(input({ shape: [4, 4, 1] }));
  expect(spy).toHaveBeenCalledTimes(1);
  const eager = maxPooling1d();
  const eagerSpy = vi.spyOn(eager, 'computeOutputShape');
  const x = tf.ones([1, 4, 1]);
  tf.dispose([eager.apply(x), eager.apply(x), x]);
  expect(eagerSpy).toHaveBeenCalledTimes(2);
});
