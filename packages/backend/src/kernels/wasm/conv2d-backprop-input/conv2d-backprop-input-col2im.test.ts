import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { afterEach, describe, expect, it } from 'vitest';
import { createRandom, tf } from '@dendrite/backend';
import { computeOn, expectArraysClose, seededArray, useBackend, valuesWithoutLeak } from '@dendrite/test-utils';
import { col2imBackpropInput, col2imBackpropInputTuning } from './conv2d-backprop-input-col2im';

type Shape4 = [number, number, number, number];
type Pad = 'valid' | 'same' | [[number, number], [number, number], [number, number], [number, number]];

const defaults = { ...col2imBackpropInputTuning };
afterEach(() => Object.assign(col2imBackpropInputTuning, defaults));

/** Values of `size` with about `density` of them nonzero, as a relu-masked max-pool gradient. */
function sparseArray(size: number, seed: number, density: number): Float32Array {
  const values = seededArray(size, seed);
  const draw = createRandom(seed + 1000);
  return values.map((value) => (draw() < density ? value : 0));
}

function randomCases(count: number) {
  const draw = createRandom(47);
  const pick = (low: number, high: number) => low + Math.floor(draw() * (high - low + 1));
  const channelChoices = [4, 8, 16, 3, 6];
  return Array.from({ length: count }, (_, i) => {
    const kh = pick(1, 3);
    const kw = pick(1, 3);
    const inChannels = channelChoices[i % channelChoices.length];
    const pad: Pad = i % 3 === 0 ? 'valid' : i % 3 === 1 ? 'same' : [[0, 0], [pick(0, kh), pick(0, kh)], [pick(0, kw), pick(0, kw)], [0, 0]];
    return {
      xShape: [pick(1, 3), pick(kh, 9), pick(kw, 9), inChannels] as Shape4,
      filterShape: [kh, kw, inChannels, pick(1, 6)] as Shape4,
      strides: [pick(1, 3), pick(1, 3)] as [number, number],
      pad,
      density: i % 2 === 0 ? 0.15 : 1,
      chunkRows: [2, 5, 6, 64, 2048][i % 5],
    };
  });
}

function backpropInput(dy: tf.Tensor, filter: tf.Tensor, xShape: Shape4, strides: [number, number], pad: Pad): tf.Tensor {
  return tf.engine().runKernel('Conv2DBackpropInput', { dy, filter }, { strides, pad, dataFormat: 'NHWC', inputShape: xShape } as never) as tf.Tensor;
}

/** Whether the col2im path takes these operands (its result is discarded). */
function takes(dy: tf.Tensor, filter: tf.Tensor, xShape: Shape4, strides: [number, number], pad: Pad): boolean {
  const backend = tf.backend() as unknown as BackendWasm;
  const info = tf.backend_util.computeConv2DInfo(xShape, filter.shape as Shape4, strides, 1, pad, undefined, false, 'channelsLast');
  const result = col2imBackpropInput(backend, dy, filter, info);
  if (result === undefined) return false;
  backend.disposeData(result.dataId);
  return true;
}

describe('col2imBackpropInput', () => {
  it.each(randomCases(40))('equals the cpu backend for %j', async ({ xShape, filterShape, strides, pad, density, chunkRows }) => {
    const dyShape = tf.backend_util.computeConv2DInfo(xShape, filterShape, strides, 1, pad).outShape;
    const dyValues = sparseArray(tf.util.sizeFromShape(dyShape), 1, density);
    const filterValues = seededArray(tf.util.sizeFromShape(filterShape), 2);
    const compute = () => backpropInput(tf.tensor(dyValues, dyShape), tf.tensor(filterValues, filterShape), xShape, strides, pad);
    const [expected] = await computeOn('cpu', compute);
    col2imBackpropInputTuning.chunkBytes = chunkRows * filterShape[0] * filterShape[1] * filterShape[2] * 4;
    const [actual] = await computeOn('wasm', compute);
    expectArraysClose(actual, expected);
    const [dy, filter] = [tf.tensor(dyValues, dyShape), tf.tensor(filterValues, filterShape)];
    const taken = filterShape[2] % 4 === 0 && (filterShape[0] * filterShape[1] * filterShape[2]) % 16 === 0;
    expect(takes(dy, filter, xShape, strides, pad)).toBe(taken);
    tf.dispose([dy, filter]);
  });

  it('takes sparse and dense dy alike and leaves channel counts the matmul cannot tile', async () => {
    await useBackend('wasm');
    const filter = tf.tensor(seededArray(3 * 3 * 32 * 64, 3), [3, 3, 32, 64]);
    const sparse = tf.tensor(sparseArray(4 * 11 * 11 * 64, 4, 0.15), [4, 11, 11, 64]);
    const dense = tf.tensor(seededArray(4 * 11 * 11 * 64, 5), [4, 11, 11, 64]);
    const narrowFilter = tf.tensor(seededArray(3 * 3 * 6 * 64, 6), [3, 3, 6, 64]);
    expect(takes(sparse, filter, [4, 13, 13, 32], [1, 1], 'valid')).toBe(true);
    expect(takes(dense, filter, [4, 13, 13, 32], [1, 1], 'valid')).toBe(true);
    expect(takes(dense, narrowFilter, [4, 13, 13, 6], [1, 1], 'valid')).toBe(false);
    tf.dispose([filter, sparse, dense, narrowFilter]);
  });

  it('gives conv2d its input gradient through tf.grad', async () => {
    const compute = () => {
      const x = tf.tensor4d(seededArray(2 * 9 * 9 * 16, 6), [2, 9, 9, 16]);
      const f = tf.tensor4d(seededArray(3 * 3 * 16 * 16, 7), [3, 3, 16, 16]);
      // relu then max pooling: a mostly-zero dy, as in the MNIST CNN.
      return tf.grad((t: tf.Tensor) => tf.sum(tf.maxPool(tf.relu(tf.conv2d(t as tf.Tensor4D, f, 1, 'same')), 2, 2, 'valid')))(x);
    };
    const [expected] = await computeOn('cpu', compute);
    col2imBackpropInputTuning.chunkBytes = 30 * 3 * 3 * 16 * 4;
    const [actual] = await computeOn('wasm', compute);
    expectArraysClose(actual, expected);
  });

  it('leaves no tensor behind on the MNIST CNN’s second layer shapes, over several chunks', async () => {
    const inputShape: Shape4 = [3, 13, 13, 32];
    const dyValues = sparseArray(3 * 11 * 11 * 64, 8, 0.15);
    const filterValues = seededArray(3 * 3 * 32 * 64, 9);
    const compute = () => backpropInput(tf.tensor(dyValues, [3, 11, 11, 64]), tf.tensor(filterValues, [3, 3, 32, 64]), inputShape, [1, 1], 'valid');
    const [expected] = await computeOn('cpu', compute);
    col2imBackpropInputTuning.chunkBytes = 101 * 3 * 3 * 32 * 4;
    await useBackend('wasm');
    const actual = await valuesWithoutLeak(compute);
    expectArraysClose(actual, expected);
  });
});
