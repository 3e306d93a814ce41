import { describe, expect, it } from 'vitest';
import { createRandom, tf } from '@dendrite/backend';
import { computeOn, expectArraysClose, expectNoLeakedTensors, seededArray, useBackend } from '@dendrite/test-utils';
import { tapsByInputPosition } from './depthwise-conv2d-backprop';

interface Case {
  xShape: [number, number, number, number];
  filterShape: [number, number, number, number];
  strides: [number, number];
  dilations: [number, number];
  pad: 'valid' | 'same' | [[number, number], [number, number], [number, number], [number, number]];
}

function randomCases(count: number): Case[] {
  const draw = createRandom(77);
  const pick = (low: number, high: number) => low + Math.floor(draw() * (high - low + 1));
  return Array.from({ length: count }, (_, i) => {
    const dilated = i % 4 === 3;
    const strides: [number, number] = dilated ? [1, 1] : [pick(1, 3), pick(1, 3)];
    const dilations: [number, number] = dilated ? [pick(1, 2), 2] : [1, 1];
    const kh = pick(1, 3);
    const kw = pick(1, 3);
    const channels = pick(1, 4);
    const size = (k: number, d: number) => pick(k + (k - 1) * (d - 1), 8);
    return {
      xShape: [pick(1, 3), size(kh, dilations[0]), size(kw, dilations[1]), channels],
      filterShape: [kh, kw, channels, pick(1, 3)],
      strides,
      dilations,
      pad: i % 3 === 0 ? 'valid' : i % 3 === 1 ? 'same' : [[0, 0], [pick(0, 2), pick(0, 2)], [pick(0, 2), pick(0, 2)], [0, 0]],
    };
  });
}

/** A dilated filter as the equivalent undilated one, with zeros between its taps. */
function stuffedShape(c: Case): [number, number, number, number] {
  const [kh, kw, channels, multiplier] = c.filterShape;
  return [kh + (kh - 1) * (c.dilations[0] - 1), kw + (kw - 1) * (c.dilations[1] - 1), channels, multiplier];
}

function stuff(filter: Float32Array, c: Case): Float32Array {
  const [kh, kw, channels, multiplier] = c.filterShape;
  const shape = stuffedShape(c);
  const out = new Float32Array(tf.util.sizeFromShape(shape));
  const inner = channels * multiplier;
  for (let h = 0; h < kh; h++) for (let w = 0; w < kw; w++) {
    const to = ((h * c.dilations[0]) * shape[1] + w * c.dilations[1]) * inner;
    out.set(filter.subarray((h * kw + w) * inner, (h * kw + w + 1) * inner), to);
  }
  return out;
}

function unstuff(gradient: Float32Array, c: Case): Float32Array {
  const [kh, kw, channels, multiplier] = c.filterShape;
  const shape = stuffedShape(c);
  const inner = channels * multiplier;
  const out = new Float32Array(tf.util.sizeFromShape(c.filterShape));
  for (let h = 0; h < kh; h++) for (let w = 0; w < kw; w++) {
    const from = ((h * c.dilations[0]) * shape[1] + w * c.dilations[1]) * inner;
    out.set(gradient.subarray(from, from + inner), (h * kw + w) * inner);
  }
  return out;
}

function outputShape(c: Case): number[] {
  return tf.backend_util.computeConv2DInfo(c.xShape, c.filterShape, c.strides, c.dilations, c.pad as 'valid', undefined, true).outShape;
}

describe('wasm depthwise convolution gradients', () => {
  it.each(randomCases(30))('DepthwiseConv2dNativeBackpropFilter and BackpropInput equal the cpu backend for %j', async (c) => {
    const dyShape = outputShape(c);
    const x = seededArray(tf.util.sizeFromShape(c.xShape), 5);
    const filter = seededArray(tf.util.sizeFromShape(c.filterShape), 6);
    const dy = seededArray(tf.util.sizeFromShape(dyShape), 7);
    const attrs = { strides: c.strides, dilations: c.dilations, pad: c.pad };
    const compute = () => [
      tf.engine().runKernel('DepthwiseConv2dNativeBackpropFilter', { x: tf.tensor(x, c.xShape), dy: tf.tensor(dy, dyShape) }, { ...attrs, filterShape: c.filterShape } as never) as tf.Tensor,
      tf.engine().runKernel('DepthwiseConv2dNativeBackpropInput', { dy: tf.tensor(dy, dyShape), filter: tf.tensor(filter, c.filterShape) }, { ...attrs, inputShape: c.xShape } as never) as tf.Tensor,
    ];
    const actual = await computeOn('wasm', compute);
    if (c.dilations[0] === 1 && c.dilations[1] === 1) {
      const expected = await computeOn('cpu', compute);
      expectArraysClose(actual[0], expected[0]);
      expectArraysClose(actual[1], expected[1]);
      return;
    }
    // tfjs-cpu ignores dilations in these kernels; the reference is the undilated convolution
    // with a zero-stuffed filter, on cpu.
    const stuffed = stuffedShape(c);
    const undilated = { strides: c.strides, dilations: [1, 1], pad: c.pad };
    const reference = await computeOn('cpu', () => [
      tf.engine().runKernel('DepthwiseConv2dNativeBackpropFilter', { x: tf.tensor(x, c.xShape), dy: tf.tensor(dy, dyShape) }, { ...undilated, filterShape: stuffed } as never) as tf.Tensor,
      tf.engine().runKernel('DepthwiseConv2dNativeBackpropInput', { dy: tf.tensor(dy, dyShape), filter: tf.tensor(stuff(filter, c), stuffed) }, { ...undilated, inputShape: c.xShape } as never) as tf.Tensor,
    ]);
    expectArraysClose(actual[0], unstuff(reference[0], c));
    expectArraysClose(actual[1], reference[1]);
  });

  it('trains a depthwise and a separable convolution on wasm as on cpu, with no leak', async () => {
    const x = seededArray(2 * 7 * 7 * 3, 8);
    const depthwise = seededArray(3 * 3 * 3 * 2, 9);
    const pointwise = seededArray(1 * 1 * 6 * 4, 10);
    const gradients = () => {
      const input = tf.tensor4d(x, [2, 7, 7, 3]);
      return tf.grads((d: tf.Tensor, p: tf.Tensor) =>
        tf.sum(tf.square(tf.separableConv2d(input, d as tf.Tensor4D, p as tf.Tensor4D, 2, 'same'))),
      )([tf.tensor4d(depthwise, [3, 3, 3, 2]), tf.tensor4d(pointwise, [1, 1, 6, 4])]);
    };
    await useBackend('wasm');
    await expectNoLeakedTensors(() => tf.dispose(tf.tidy(gradients)));
    const expected = await computeOn('cpu', gradients);
    const actual = await computeOn('wasm', gradients);
    expectArraysClose(actual[0], expected[0]);
    expectArraysClose(actual[1], expected[1]);
  });

  it('leaves no tensor behind when the kernels are called directly', async () => {
    await useBackend('wasm');
    const attrs = { strides: [2, 1], dilations: [1, 1], pad: 'same' };
    await expectNoLeakedTensors(() =>
      tf.tidy(() => {
        const x = tf.tensor4d(seededArray(2 * 5 * 6 * 3, 11), [2, 5, 6, 3]);
        const dy = tf.tensor4d(seededArray(2 * 3 * 6 * 6, 12), [2, 3, 6, 6]);
        const filter = tf.tensor4d(seededArray(3 * 3 * 3 * 2, 13), [3, 3, 3, 2]);
        tf.engine().runKernel('DepthwiseConv2dNativeBackpropFilter', { x, dy }, { ...attrs, filterShape: [3, 3, 3, 2] } as never);
        tf.engine().runKernel('DepthwiseConv2dNativeBackpropInput', { dy, filter }, { ...attrs, inputShape: [2, 5, 6, 3] } as never);
      }),
    );
  });
});

describe('tapsByInputPosition', () => {
  it('lists, for each input position, the (tap, output) pairs that read it', () => {
    // 5 inputs, 3 taps, stride 2, dilation 1, one padded position before: output o reads 2o-1+k.
    const { start, taps, outputs } = tapsByInputPosition(5, 3, 3, 2, 1, 1);
    const pairs = Array.from({ length: 5 }, (_, i) => Array.from({ length: start[i + 1] - start[i] }, (_, j) => [taps[start[i] + j], outputs[start[i] + j]]));
    expect(pairs).toEqual([
      [[1, 0]],
      [[0, 1], [2, 0]],
      [[1, 1]],
      [[0, 2], [2, 1]],
      [[1, 2]],
    ]);
  });
});
