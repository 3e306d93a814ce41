import { describe, it } from 'vitest';
import { createRandom, tf } from '@dendrite/backend';
import { computeOn, expectArraysClose, seededArray, useBackend, valuesWithoutLeak } from '@dendrite/test-utils';

function randomCases(count: number) {
  const draw = createRandom(31);
  const pick = (low: number, high: number) => low + Math.floor(draw() * (high - low + 1));
  return Array.from({ length: count }, (_, i) => {
    const kh = pick(1, 4);
    const kw = pick(1, 4);
    const inChannels = pick(1, 4);
    return {
      xShape: [pick(1, 3), pick(kh, 10), pick(kw, 10), inChannels] as [number, number, number, number],
      filterShape: [kh, kw, inChannels, pick(1, 5)] as [number, number, number, number],
      strides: [pick(1, 3), pick(1, 3)] as [number, number],
      pad: (i % 3 === 0 ? 'valid' : i % 3 === 1 ? 'same' : [[0, 0], [pick(0, kh - 1), pick(0, kh - 1)], [pick(0, kw - 1), pick(0, kw - 1)], [0, 0]]) as 'valid',
    };
  });
}

describe('wasm Conv2DBackpropInput through the XNNPACK convolution', () => {
  it.each(randomCases(30))('equals the cpu backend for %j', async ({ xShape, filterShape, strides, pad }) => {
    const dyShape = tf.backend_util.computeConv2DInfo(xShape, filterShape, strides, 1, pad).outShape;
    const dy = seededArray(tf.util.sizeFromShape(dyShape), 1);
    const filter = seededArray(tf.util.sizeFromShape(filterShape), 2);
    const compute = () =>
      tf.engine().runKernel('Conv2DBackpropInput', { dy: tf.tensor(dy, dyShape), filter: tf.tensor(filter, filterShape) }, { strides, pad, dataFormat: 'NHWC', inputShape: xShape } as never) as tf.Tensor;
    const [expected] = await computeOn('cpu', compute);
    const [actual] = await computeOn('wasm', compute);
    expectArraysClose(actual, expected);
  });

  it('gives conv2d its input gradient and conv2dTranspose its output', async () => {
    const compute = () => {
      const x = tf.tensor4d(seededArray(2 * 7 * 7 * 3, 4), [2, 7, 7, 3]);
      const f = tf.tensor4d(seededArray(3 * 3 * 3 * 5, 5), [3, 3, 3, 5]);
      const dx = tf.grad((t: tf.Tensor) => tf.sum(tf.square(tf.conv2d(t as tf.Tensor4D, f, 2, 'same'))))(x);
      const up = tf.conv2dTranspose(tf.tensor4d(seededArray(2 * 4 * 4 * 5, 6), [2, 4, 4, 5]), f, [2, 8, 8, 3], 2, 'same');
      return [dx, up];
    };
    const expected = await computeOn('cpu', compute);
    const actual = await computeOn('wasm', compute);
    expectArraysClose(actual[0], expected[0]);
    expectArraysClose(actual[1], expected[1]);
  });

  it('leaves no tensor behind on the MNIST CNN’s second layer shapes (stride 1: the col2im path)', async () => {
    const inputShape: [number, number, number, number] = [2, 13, 13, 32];
    const filterShape: [number, number, number, number] = [3, 3, 32, 64];
    const dyShape = [2, 11, 11, 64];
    const dy = seededArray(tf.util.sizeFromShape(dyShape), 7);
    const filter = seededArray(tf.util.sizeFromShape(filterShape), 8);
    const compute = () =>
      tf.engine().runKernel('Conv2DBackpropInput', { dy: tf.tensor(dy, dyShape), filter: tf.tensor(filter, filterShape) }, { strides: 1, pad: 'valid', dataFormat: 'NHWC', inputShape } as never) as tf.Tensor;
    const [expected] = await computeOn('cpu', compute);
    await useBackend('wasm');
    const actual = await valuesWithoutLeak(compute);
    expectArraysClose(actual, expected);
  });
});
