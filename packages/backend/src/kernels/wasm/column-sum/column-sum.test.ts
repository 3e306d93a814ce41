import { describe, expect, it } from 'vitest';
import { installWasmKernels, tf, uninstallWasmKernels } from '@dendrite/backend';
import { computeOn, expectArraysClose, expectNoLeakedTensors, seededArray, useBackend } from '@dendrite/test-utils';

type Case = { shape: number[]; axis: number | number[] | undefined; keepDims: boolean };

const cases: Case[] = [
  { shape: [128, 128], axis: 0, keepDims: false },
  { shape: [1, 128, 128], axis: [0, 1], keepDims: false },
  { shape: [3, 4, 8], axis: [1, 0], keepDims: true },
  { shape: [5, 12], axis: -2, keepDims: false },
  { shape: [1, 4], axis: 0, keepDims: false },
  // The stock kernel's cases: other axes, columns not a multiple of 4.
  { shape: [6, 8], axis: 1, keepDims: false },
  { shape: [7, 10], axis: 0, keepDims: true },
  { shape: [2, 3, 8], axis: [0], keepDims: false },
  // Every axis (no axis), which a bias of shape [1, 1] takes: not a column sum.
  { shape: [2, 4], axis: undefined, keepDims: false },
  { shape: [1, 4], axis: undefined, keepDims: true },
];

describe('wasm Sum over every axis but the last', () => {
  it.each(cases)('%j equals the cpu backend', async ({ shape, axis, keepDims }) => {
    const values = seededArray(tf.util.sizeFromShape(shape), 1);
    const compute = () => tf.sum(tf.tensor(values, shape), axis, keepDims);
    const shapeOf = () => tf.tensor(tf.tidy(() => compute().shape));
    const [expected, expectedShape] = await computeOn('cpu', () => [compute(), shapeOf()]);
    const [actual, actualShape] = await computeOn('wasm', () => [compute(), shapeOf()]);
    expect(actualShape).toEqual(expectedShape);
    expectArraysClose(actual, expected, 1e-5);
  });

  it('gives the stock kernel’s floats, leaves no tensor behind, and leaves int32 to the stock kernel', async () => {
    await useBackend('wasm');
    const x = tf.tensor2d(seededArray(300 * 16, 2, -100, 100), [300, 16]);
    const ours = await expectNoLeakedTensors(() => {
      const sum = tf.sum(x, 0);
      const result = sum.dataSync().slice();
      sum.dispose();
      return result;
    });
    uninstallWasmKernels();
    try {
      const stock = tf.sum(x, 0);
      expect(ours).toEqual(stock.dataSync());
      stock.dispose();
    } finally {
      installWasmKernels();
      x.dispose();
    }
    const integers = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8], [2, 4], 'int32');
    const sum = tf.sum(integers, 0);
    expect(Array.from(sum.dataSync())).toEqual([6, 8, 10, 12]);
    tf.dispose([integers, sum]);
  });
});
