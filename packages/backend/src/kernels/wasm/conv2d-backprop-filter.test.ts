import { describe, expect, it } from 'vitest';
import { createRandom, tf } from '@dendrite/backend';
import { computeOn, expectArraysClose, expectNoLeakedTensors, seededArray, useBackend } from '@dendrite/test-utils';

interface Case {
  xShape: [number, number, number, number];
  filterShape: [number, number, number, number];
  strides: [number, number];
  pad: 'valid' | 'same' | [[number, number], [number, number], [number, number], [number, number]];
}

/** Seeded random convolutions: batch, size, channels, kernel, stride and padding vary. */
function randomCases(count: number): Case[] {
  const draw = createRandom(2024);
  const pick = (low: number, high: number) => low + Math.floor(draw() * (high - low + 1));
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const kh = pick(1, 4);
    const kw = pick(1, 4);
    const strides: [number, number] = [pick(1, 3), pick(1, 3)];
    const padKind = i % 3;
    const pad: Case['pad'] = padKind === 0 ? 'valid' : padKind === 1 ? 'same' : [[0, 0], [pick(0, 2), pick(0, 2)], [pick(0, 2), pick(0, 2)], [0, 0]];
    cases.push({ xShape: [pick(1, 3), pick(kh, 9), pick(kw, 9), pick(1, 4)], filterShape: [kh, kw, 0, pick(1, 5)], strides, pad });
    cases[i].filterShape[2] = cases[i].xShape[3];
  }
  return cases;
}

function outputShape({ xShape, filterShape, strides, pad }: Case): number[] {
  return tf.backend_util.computeConv2DInfo(xShape, filterShape, strides, 1, pad as 'valid').outShape;
}

describe('wasm Conv2DBackpropFilter', () => {
  it.each(randomCases(30))('equals the cpu backend for %j', async (testCase) => {
    const x = seededArray(tf.util.sizeFromShape(testCase.xShape), 1);
    const dyShape = outputShape(testCase);
    const dy = seededArray(tf.util.sizeFromShape(dyShape), 2);
    const compute = () =>
      tf.engine().runKernel('Conv2DBackpropFilter', { x: tf.tensor(x, testCase.xShape), dy: tf.tensor(dy, dyShape) }, {
        strides: testCase.strides,
        pad: testCase.pad,
        dataFormat: 'NHWC',
        filterShape: testCase.filterShape,
      } as never) as tf.Tensor;
    const [expected] = await computeOn('cpu', compute);
    const [actual] = await computeOn('wasm', compute);
    expectArraysClose(actual, expected);
  });

  it('gives conv2d its filter gradient on wasm, with no leak, across batch chunks', async () => {
    await useBackend('wasm');
    const x = tf.tensor(seededArray(2 * 6 * 6 * 3, 3), [2, 6, 6, 3]) as tf.Tensor4D;
    const filter = tf.tensor(seededArray(3 * 3 * 3 * 4, 4), [3, 3, 3, 4]) as tf.Tensor4D;
    const gradient = () => tf.grad((f: tf.Tensor) => tf.sum(tf.square(tf.conv2d(x, f as tf.Tensor4D, 1, "same"))))(filter);
    const wasmValues = await expectNoLeakedTensors(() => {
      const g = gradient();
      const values = g.dataSync().slice();
      g.dispose();
      return values;
    });
    const [cpuValues] = await computeOn('cpu', gradient);
    expectArraysClose(wasmValues, cpuValues);
    tf.dispose([x, filter]);
  });

  it('refuses NCHW, saying what it expected', async () => {
    await useBackend('wasm');
    const x = tf.zeros([1, 3, 3, 1]);
    const dy = tf.zeros([1, 3, 3, 1]);
    expect(() =>
      tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, { strides: 1, pad: 'same', dataFormat: 'NCHW', filterShape: [1, 1, 1, 1] } as never),
    ).toThrow('Expected dataFormat NHWC in Conv2DBackpropFilter on wasm, received NCHW');
    tf.dispose([x, dy]);
  });
});
