import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelFunc } from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom, tf } from '@dendrite/backend';
import { computeOn, expectArraysClose, expectNoLeakedTensors, seededArray, useBackend, valuesWithoutLeak } from '@dendrite/test-utils';
import type { WasmKernelArgs } from '../wasm-kernel-context';
import { conv2dByPatches } from './conv2d-by-patches';

type Pad = 'valid' | 'same' | number | [[number, number], [number, number], [number, number], [number, number]];

interface Case {
  xShape: [number, number, number, number];
  filterShape: [number, number, number, number];
  strides: [number, number];
  dilations: [number, number];
  pad: Pad;
}

/** Seeded random convolutions: batch, size, channels, kernel, stride or dilation and padding vary; `cout` from `outChannels`. */
function randomCases(count: number, seed: number, outChannels: readonly number[]): Case[] {
  const draw = createRandom(seed);
  const pick = (low: number, high: number) => low + Math.floor(draw() * (high - low + 1));
  return Array.from({ length: count }, (_, i) => {
    const [kh, kw, inChannels] = [pick(1, 3), pick(1, 3), [1, 3, 4, 8][Math.floor(i / 4) % 4]];
    const kind = i % 4;
    const pad: Pad = kind === 0 ? 'valid' : kind === 1 ? 'same' : kind === 2 ? [[0, 0], [pick(0, 2), pick(0, 2)], [pick(0, 2), pick(0, 2)], [0, 0]] : pick(0, 1);
    // tfjs takes dilations only with unit strides.
    const dilated = i % 5 === 4;
    return {
      xShape: [pick(1, 3), pick(kh + 2, 9), pick(kw + 2, 9), inChannels],
      filterShape: [kh, kw, inChannels, outChannels[i % outChannels.length]],
      strides: dilated ? [1, 1] : [pick(1, 2), pick(1, 2)],
      dilations: dilated ? [2, pick(1, 2)] : [1, 1],
      pad,
    };
  });
}

function caseData({ xShape, filterShape }: Case, seed: number, sparse = false): [Float32Array, Float32Array, Float32Array] {
  const x = seededArray(tf.util.sizeFromShape(xShape), seed);
  return [sparse ? x.map((value, index) => (index % 4 === 0 ? value : 0)) : x, seededArray(tf.util.sizeFromShape(filterShape), seed + 1), seededArray(filterShape[3], seed + 2)];
}

/** `kernelName` (Conv2D, FusedConv2D or a test kernel) on the current backend; `fused` adds the bias and an activation. */
function runCase(kernelName: string, testCase: Case, [x, filter, bias]: Float32Array[], fused?: { activation: string; withBias: boolean }): tf.Tensor {
  return tf.engine().runKernel(
    kernelName,
    { x: tf.tensor(x, testCase.xShape), filter: tf.tensor(filter, testCase.filterShape), ...(fused?.withBias ? { bias: tf.tensor1d(bias) } : {}) },
    { strides: testCase.strides, pad: testCase.pad, dataFormat: 'NHWC', dilations: testCase.dilations, ...(fused ? { activation: fused.activation } : {}) } as never,
  ) as tf.Tensor;
}

const positions = ({ xShape, filterShape, strides, pad, dilations }: Case) => {
  const info = tf.backend_util.computeConv2DInfo(xShape, filterShape, strides, dilations, pad as 'valid');
  return info.batchSize * info.outHeight * info.outWidth;
};

describe('wasm Conv2D and FusedConv2D through im2col and the SIMD matmul', () => {
  const direct = 'DendriteTestConv2DByPatches';
  const chunked = 'DendriteTestConv2DByPatchesChunked';
  beforeAll(() => {
    // Throws where the path declines, so that a case meant for it cannot pass through the stock kernel.
    const byPatches = (budget?: number): KernelFunc => (args) => {
      const out = conv2dByPatches(args as unknown as WasmKernelArgs, budget);
      if (out === undefined) throw new Error('conv2dByPatches declined');
      return out;
    };
    tf.registerKernel({ kernelName: direct, backendName: 'wasm', kernelFunc: byPatches() });
    tf.registerKernel({ kernelName: chunked, backendName: 'wasm', kernelFunc: byPatches(40) });
  });
  afterAll(() => {
    tf.unregisterKernel(direct, 'wasm');
    tf.unregisterKernel(chunked, 'wasm');
  });

  // An even number of output positions (the matmul's row pairs); 16, 32 or 10 output channels
  // (10: padded to 16 columns); inputs dense or mostly zeros (the zero-skipping product).
  const cases = randomCases(48, 2027, [16, 10, 32]).filter((testCase) => positions(testCase) % 2 === 0 && testCase.dilations[0] === 1).slice(0, 24);

  it.each(cases.map((testCase, i) => ({ ...testCase, sparse: i % 2 === 1 })))('Conv2D equals the cpu backend with no leak, for %j', async ({ sparse, ...testCase }) => {
    const data = caseData(testCase, 3, sparse);
    const [expected] = await computeOn('cpu', () => runCase('Conv2D', testCase, data));
    await useBackend('wasm');
    expectArraysClose(await valuesWithoutLeak(() => runCase(direct, testCase, data)), expected);
    // The registered kernel takes the same path.
    expect(await valuesWithoutLeak(() => runCase('Conv2D', testCase, data))).toEqual(await valuesWithoutLeak(() => runCase(direct, testCase, data)));
  });

  const fusedCases = cases.slice(0, 8).map((testCase, i) => ({ testCase, activation: i % 2 === 0 ? 'relu' : 'linear', withBias: i % 4 !== 3 }));
  it.each(fusedCases)('FusedConv2D (bias, then relu or linear) equals the cpu backend, for %j', async ({ testCase, activation, withBias }) => {
    const data = caseData(testCase, 5);
    const [expected] = await computeOn('cpu', () => runCase('FusedConv2D', testCase, data, { activation, withBias }));
    await useBackend('wasm');
    const actual = await valuesWithoutLeak(() => runCase(direct, testCase, data, { activation, withBias }));
    expectArraysClose(actual, expected);
    if (activation === 'relu') expect(actual.some((value) => value === 0)).toBe(true);
  });

  it.each(cases.slice(0, 8))('cut into chunks of images, equals the whole batch bit for bit, for %j', async (testCase) => {
    const data = caseData(testCase, 7);
    await useBackend('wasm');
    expect(await valuesWithoutLeak(() => runCase(chunked, testCase, data))).toEqual(await valuesWithoutLeak(() => runCase(direct, testCase, data)));
  });

  it.each(randomCases(10, 31, [16]).filter((testCase) => testCase.dilations[0] !== 1))('declines dilations, which the stock kernel then runs, equal to the cpu backend, for %j', async (testCase) => {
    const data = caseData(testCase, 13);
    await useBackend('wasm');
    const [x, filter] = [tf.tensor(data[0], testCase.xShape), tf.tensor(data[1], testCase.filterShape)];
    const attrs = { strides: testCase.strides, pad: testCase.pad, dataFormat: 'NHWC', dilations: testCase.dilations };
    expect(conv2dByPatches({ inputs: { x, filter }, backend: tf.backend() as BackendWasm, attrs })).toBeUndefined();
    tf.dispose([x, filter]);
    const [expected] = await computeOn('cpu', () => runCase('Conv2D', testCase, data));
    await useBackend('wasm');
    expectArraysClose(await valuesWithoutLeak(() => runCase('Conv2D', testCase, data)), expected);
  });

  it('declines an odd number of output positions and prelu, which the stock kernel then runs, equal to the cpu backend', async () => {
    const odd: Case = { xShape: [1, 5, 5, 2], filterShape: [3, 3, 2, 16], strides: [1, 1], dilations: [1, 1], pad: 'valid' };
    const data = caseData(odd, 9);
    await useBackend('wasm');
    const backend = tf.backend() as BackendWasm;
    const [x, filter] = [tf.tensor(data[0], odd.xShape), tf.tensor(data[1], odd.filterShape)];
    const attrs = { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1] };
    expect(conv2dByPatches({ inputs: { x, filter }, backend, attrs })).toBeUndefined();
    const even = { xShape: [2, 5, 5, 2], filterShape: [3, 3, 2, 16] } as const;
    const [x2, alpha] = [tf.zeros([...even.xShape]), tf.ones([16])];
    expect(conv2dByPatches({ inputs: { x: x2, filter, preluActivationWeights: alpha }, backend, attrs: { ...attrs, activation: 'prelu' } })).toBeUndefined();
    tf.dispose([x, filter, x2, alpha]);
    const [expected] = await computeOn('cpu', () => runCase('Conv2D', odd, data));
    await useBackend('wasm');
    expectArraysClose(await valuesWithoutLeak(() => runCase('Conv2D', odd, data)), expected);
  });

  it('trains through tf.conv2d on wasm: the values and both gradients equal the cpu backend’s, with no leak', async () => {
    const x = () => tf.tensor4d(seededArray(2 * 9 * 9 * 4, 11, 0, 1), [2, 9, 9, 4]);
    const filter = () => tf.tensor4d(seededArray(3 * 3 * 4 * 16, 12), [3, 3, 4, 16]);
    const compute = () => {
      const [input, weights] = [x(), filter()];
      const loss = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.relu(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same'))));
      const [dx, dw] = tf.grads(loss)([input, weights]);
      return [tf.relu(tf.conv2d(input, weights, 1, 'same')), dx, dw];
    };
    const expected = await computeOn('cpu', compute);
    await useBackend('wasm');
    const actual = await expectNoLeakedTensors(() => tf.tidy(() => compute()).map((tensor) => {
      const values = tensor.dataSync() as Float32Array;
      tensor.dispose();
      return values;
    }));
    actual.forEach((values, i) => expectArraysClose(values, expected[i]));
  });
});
