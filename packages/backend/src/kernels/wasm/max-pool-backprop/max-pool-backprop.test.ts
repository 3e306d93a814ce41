import { describe, it } from 'vitest';
import { createRandom, tf } from '@dendrite/backend';
import { computeOn, expectArraysClose, expectNoLeakedTensors, seededArray, useBackend } from '@dendrite/test-utils';

type Pad = 'valid' | 'same' | number;

interface Case {
  shape: [number, number, number, number];
  size: [number, number];
  stride: [number, number];
  pad: Pad;
  /** Values rounded to this many levels, so that windows hold ties; none when undefined. */
  levels?: number;
}

/** Seeded random poolings: channels from 1 to 9 (SIMD groups and a scalar tail), overlapping windows, ties. */
function randomCases(count: number, seed: number): Case[] {
  const draw = createRandom(seed);
  const pick = (low: number, high: number) => low + Math.floor(draw() * (high - low + 1));
  return Array.from({ length: count }, (_, i) => {
    const size: [number, number] = [pick(1, 4), pick(1, 4)];
    return {
      shape: [pick(1, 3), pick(size[0], 11), pick(size[1], 11), pick(1, 9)],
      size,
      stride: [pick(1, 3), pick(1, 3)],
      pad: i % 3 === 0 ? 'valid' : i % 3 === 1 ? 'same' : pick(0, Math.min(size[0], size[1]) - 1),
      levels: i % 2 === 0 ? pick(2, 4) : undefined,
    };
  });
}

function inputValues({ shape, levels }: Case, seed: number): Float32Array {
  const values = seededArray(tf.util.sizeFromShape(shape), seed);
  return levels === undefined ? values : values.map((value) => Math.round(value * levels));
}

function rounding(pad: Pad) {
  // A rounding mode is only accepted with a numeric pad.
  return typeof pad === 'number' ? 'floor' : undefined;
}

/**
 * The kernel itself, with a random `dy`: numeric pads included, which the stock wasm `MaxPool`
 * (run by `tf.grad`) reads out of bounds for.
 */
function runKernel({ shape, size, stride, pad }: Case, x: Float32Array): tf.Tensor {
  const outShape = tf.backend_util.computePool2DInfo(shape, size, stride, 1, pad as 'valid', rounding(pad)).outShape;
  const dy = tf.tensor(seededArray(tf.util.sizeFromShape(outShape), 5), outShape);
  const input = tf.tensor(x, shape);
  return tf.engine().runKernel('MaxPoolGrad', { dy, input, output: dy }, { filterSize: size, strides: stride, pad, dimRoundingMode: rounding(pad) } as never) as tf.Tensor;
}

/** The gradient of Σ maxPool(x)·w for a random w, through `tf.grad`: every window's own gradient. */
function poolGradient({ shape, size, stride, pad }: Case, x: Float32Array): tf.Tensor {
  const input = tf.tensor(x, shape) as tf.Tensor4D;
  const outShape = tf.backend_util.computePool2DInfo(shape, size, stride, 1, pad as 'valid').outShape;
  const weights = tf.tensor(seededArray(tf.util.sizeFromShape(outShape), 5), outShape);
  return tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(t as tf.Tensor4D, size, stride, pad as 'valid'), weights)))(input);
}

describe('wasm MaxPoolGrad', () => {
  it.each(randomCases(48, 11))('routes each window’s gradient to its first maximum as the cpu backend does: %j', async (testCase) => {
    const x = inputValues(testCase, 12);
    const [expected] = await computeOn('cpu', () => runKernel(testCase, x));
    const [actual] = await computeOn('wasm', () => runKernel(testCase, x));
    expectArraysClose(actual, expected);
  });

  it('gives maxPool its gradient through tf.grad where the stock kernel misrouted it', async () => {
    const testCase: Case = { shape: [2, 6, 6, 2], size: [2, 2], stride: [2, 2], pad: 'valid' };
    const x = inputValues(testCase, 12);
    const [expected] = await computeOn('cpu', () => poolGradient(testCase, x));
    const [actual] = await computeOn('wasm', () => poolGradient(testCase, x));
    expectArraysClose(actual, expected);
  });

  it('routes nothing from windows of −∞ and NaN, and never to a NaN', async () => {
    const testCase: Case = { shape: [1, 4, 4, 8], size: [2, 2], stride: [2, 2], pad: 'valid' };
    const x = inputValues(testCase, 3);
    for (let channel = 0; channel < 8; channel++) {
      // Window (0, 0): all −∞ in channels 0 and 5, NaN first in channels 1 and 6.
      for (const pixel of [0, 1, 4, 5]) if (channel === 0 || channel === 5) x[pixel * 8 + channel] = Number.NEGATIVE_INFINITY;
      if (channel === 1 || channel === 6) x[channel] = Number.NaN;
    }
    const [expected] = await computeOn('cpu', () => runKernel(testCase, x));
    const [actual] = await computeOn('wasm', () => runKernel(testCase, x));
    expectArraysClose(actual, expected);
  });

  it('matches the cpu backend on the MNIST CNN’s shapes, with no leak', async () => {
    const testCase: Case = { shape: [4, 11, 11, 64], size: [2, 2], stride: [2, 2], pad: 'valid', levels: 3 };
    const x = inputValues(testCase, 21);
    const [expected] = await computeOn('cpu', () => poolGradient(testCase, x));
    await useBackend('wasm');
    const actual = await expectNoLeakedTensors(() => {
      const gradient = tf.tidy(() => poolGradient(testCase, x));
      const values = gradient.dataSync().slice();
      tf.dispose(gradient);
      return values;
    });
    expectArraysClose(actual, expected);
  });
});
