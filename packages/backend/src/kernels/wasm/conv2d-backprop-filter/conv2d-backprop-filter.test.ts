import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom, tf } from '@dendrite/backend';
import { computeOn, expectArraysClose, expectNoLeakedTensors, seededArray, useBackend, valuesWithoutLeak } from '@dendrite/test-utils';
import { makeConv2dBackpropFilter } from './conv2d-backprop-filter';

type Pad = 'valid' | 'same' | number | [[number, number], [number, number], [number, number], [number, number]];

interface Case {
  xShape: [number, number, number, number];
  filterShape: [number, number, number, number];
  strides: [number, number];
  pad: Pad;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** Seeded random convolutions: batch, size, channels, kernel, stride and padding vary. */
function randomCases(count: number, seed: number, maxBatch = 3): Case[] {
  const draw = createRandom(seed);
  const pick = (low: number, high: number) => low + Math.floor(draw() * (high - low + 1));
  return Array.from({ length: count }, (_, i) => {
    const kh = pick(1, 4);
    const kw = pick(1, 4);
    const inChannels = pick(1, 4);
    const kind = i % 4;
    const pad: Pad =
      kind === 0 ? 'valid' : kind === 1 ? 'same' : kind === 2 ? [[0, 0], [pick(0, 3), pick(0, 3)], [pick(0, 3), pick(0, 3)], [0, 0]] : pick(0, 2);
    return {
      xShape: [pick(1, maxBatch), pick(kh, 9), pick(kw, 9), inChannels],
      filterShape: [kh, kw, inChannels, pick(1, 5)],
      strides: [pick(1, 3), pick(1, 3)],
      pad,
      // Only a numeric pad is rounded; the mode is ignored otherwise.
      dimRoundingMode: kind === 3 ? (['floor', 'round', 'ceil'] as const)[pick(0, 2)] : undefined,
    };
  });
}

/** `testCase` with `inChannels` input and `outChannels` output channels. */
function withChannels(testCase: Case, inChannels: number, outChannels: number): Case {
  const [batch, height, width] = testCase.xShape;
  const [kh, kw] = testCase.filterShape;
  return { ...testCase, xShape: [batch, height, width, inChannels], filterShape: [kh, kw, inChannels, outChannels] };
}

function dyShape({ xShape, filterShape, strides, pad, dimRoundingMode }: Case): number[] {
  return tf.backend_util.computeConv2DInfo(xShape, filterShape, strides, 1, pad as 'valid', dimRoundingMode).outShape;
}

/** The kernel's result for one case, run through `kernelName` on whatever backend is current. */
function runCase(kernelName: string, testCase: Case, x: Float32Array, dy: Float32Array): tf.Tensor {
  return tf.engine().runKernel(kernelName, { x: tf.tensor(x, testCase.xShape), dy: tf.tensor(dy, dyShape(testCase)) }, {
    strides: testCase.strides,
    pad: testCase.pad,
    dataFormat: 'NHWC',
    dimRoundingMode: testCase.dimRoundingMode,
    filterShape: testCase.filterShape,
  } as never) as tf.Tensor;
}

function caseData(testCase: Case, seed: number): [Float32Array, Float32Array] {
  return [seededArray(tf.util.sizeFromShape(testCase.xShape), seed), seededArray(tf.util.sizeFromShape(dyShape(testCase)), seed + 1)];
}

describe('wasm Conv2DBackpropFilter', () => {
  it.each(randomCases(32, 2024))('equals the cpu backend for %j', async (testCase) => {
    const [x, dy] = caseData(testCase, 1);
    const compute = () => runCase('Conv2DBackpropFilter', testCase, x, dy);
    const [expected] = await computeOn('cpu', compute);
    const [actual] = await computeOn('wasm', compute);
    expectArraysClose(actual, expected);
  });

  it('leaves no tensor behind when called directly', async () => {
    await useBackend('wasm');
    const [testCase] = randomCases(1, 5);
    const [x, dy] = caseData(testCase, 3);
    await expectNoLeakedTensors(() => tf.dispose(tf.tidy(() => runCase('Conv2DBackpropFilter', testCase, x, dy))));
  });

  it('gives conv2d its filter gradient on wasm, with no leak', async () => {
    await useBackend('wasm');
    const x = tf.tensor(seededArray(2 * 6 * 6 * 3, 3), [2, 6, 6, 3]) as tf.Tensor4D;
    const filter = tf.tensor(seededArray(3 * 3 * 3 * 4, 4), [3, 3, 3, 4]) as tf.Tensor4D;
    const gradient = () => tf.grad((f: tf.Tensor) => tf.sum(tf.square(tf.conv2d(x, f as tf.Tensor4D, 1, 'same'))))(filter);
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

// The real budget (16 M scalars) is only exceeded by large batches; a tiny one exercises the same
// chunking (a scratch copy of dy's rows per chunk, products summed) on small cases.
describe('wasm Conv2DBackpropFilter over batch chunks', () => {
  const chunked = 'DendriteTestConv2DBackpropFilterChunked';
  beforeAll(() =>
    tf.registerKernel({ kernelName: chunked, backendName: 'wasm', kernelFunc: makeConv2dBackpropFilter({ patchBudget: 200, simdChunkRows: false, directTaps: false }) }),
  );
  afterAll(() => tf.unregisterKernel(chunked, 'wasm'));

  it.each(randomCases(8, 99, 5))('sums per-chunk products as the cpu backend sums the batch, for %j', async (testCase) => {
    const [x, dy] = caseData(testCase, 7);
    const [expected] = await computeOn('cpu', () => runCase('Conv2DBackpropFilter', testCase, x, dy));
    await useBackend('wasm');
    const actual = await valuesWithoutLeak(() => runCase(chunked, testCase, x, dy));
    expectArraysClose(actual, expected);
  });
});

// The SIMD path in chunks of a few positions, cut anywhere inside an image; even output channels
// (the path's condition), gradients mostly zeros (as after relu and max pooling: the matmul then
// skips positions) or dense.
describe('wasm Conv2DBackpropFilter over SIMD chunks of positions', () => {
  const chunked = 'DendriteTestConv2DBackpropFilterSimdChunks';
  beforeAll(() => tf.registerKernel({ kernelName: chunked, backendName: 'wasm', kernelFunc: makeConv2dBackpropFilter({ simdChunkRows: 7, directTaps: false }) }));
  afterAll(() => tf.unregisterKernel(chunked, 'wasm'));

  const cases = randomCases(16, 77, 4).map((testCase, i) => ({
    ...withChannels(testCase, testCase.xShape[3] + (i % 4 === 0 ? 15 : 0), 2 * (1 + (i % 5)) + (i % 3 === 0 ? 16 : 0)),
    sparse: i % 2 === 0,
  }));

  it.each(cases)('sums per-chunk products as the cpu backend sums the batch, for %j', async ({ sparse, ...testCase }) => {
    const [x, dense] = caseData(testCase, 9);
    const dy = sparse ? dense.map((value, index) => (index % 5 === 0 ? value : 0)) : dense;
    const [expected] = await computeOn('cpu', () => runCase('Conv2DBackpropFilter', testCase, x, dy));
    await useBackend('wasm');
    const actual = await valuesWithoutLeak(() => runCase(chunked, testCase, x, dy));
    expectArraysClose(actual, expected);
  });

  it('equals the cpu backend on the MNIST CNN’s first layer, one channel in, with no leak', async () => {
    const testCase: Case = { xShape: [3, 28, 28, 1], filterShape: [3, 3, 1, 32], strides: [1, 1], pad: 'valid' };
    const [x, dense] = caseData(testCase, 4);
    const dy = dense.map((value, index) => (index % 3 === 0 ? value : 0));
    const [expected] = await computeOn('cpu', () => runCase('Conv2DBackpropFilter', testCase, x, dy));
    await useBackend('wasm');
    const actual = await valuesWithoutLeak(() => runCase('Conv2DBackpropFilter', testCase, x, dy));
    expectArraysClose(actual, expected);
  });
});

// Valid convolutions with kw·cin a multiple of 4: chunks of whole images, patch rows copied by SIMD
// (copyImageRuns), taps padded with zeros to a multiple of 16 where they fall short.
describe('wasm Conv2DBackpropFilter over SIMD chunks of whole images', () => {
  const byImages = 'DendriteTestConv2DBackpropFilterImageChunks';
  // At most 72 positions a chunk: 1 to 3 images, several chunks in each case.
  beforeAll(() => tf.registerKernel({ kernelName: byImages, backendName: 'wasm', kernelFunc: makeConv2dBackpropFilter({ simdChunkRows: 72, directTaps: false }) }));
  afterAll(() => tf.unregisterKernel(byImages, 'wasm'));

  it.each<Case>([
    { xShape: [3, 8, 8, 32], filterShape: [3, 3, 32, 16], strides: [1, 1], pad: 'valid' },
    { xShape: [3, 12, 11, 4], filterShape: [2, 3, 4, 6], strides: [2, 1], pad: 'valid' },
    { xShape: [4, 9, 9, 2], filterShape: [3, 2, 2, 8], strides: [1, 3], pad: [[0, 0], [0, 0], [0, 0], [0, 0]] },
  ])('equals the cpu backend with no leak, for %j', async (testCase) => {
    const [x, dense] = caseData(testCase, 21);
    const dy = dense.map((value, index) => (index % 3 === 0 ? value : 0));
    const [expected] = await computeOn('cpu', () => runCase('Conv2DBackpropFilter', testCase, x, dy));
    await useBackend('wasm');
    const actual = await valuesWithoutLeak(() => runCase(byImages, testCase, x, dy));
    expectArraysClose(actual, expected);
  });
});

// Filters of at most 16 taps with a multiple of 4 output channels: accumulated over positions,
// padded convolutions through a zero-padded copy of x.
describe('wasm Conv2DBackpropFilter over few taps', () => {
  const cases = randomCases(24, 555, 3)
    .map((testCase, i) => withChannels(testCase, 1 + (i % 3 === 2 ? 2 : 0), [4, 8, 32][i % 3]))
    .filter(({ filterShape: [kh, kw, inChannels] }) => kh * kw * inChannels <= 16);

  it.each(cases)('equals the cpu backend with no leak, for %j', async (testCase) => {
    const [x, dy] = caseData(testCase, 13);
    const [expected] = await computeOn('cpu', () => runCase('Conv2DBackpropFilter', testCase, x, dy));
    await useBackend('wasm');
    const actual = await valuesWithoutLeak(() => runCase('Conv2DBackpropFilter', testCase, x, dy));
    expectArraysClose(actual, expected);
  });
});
