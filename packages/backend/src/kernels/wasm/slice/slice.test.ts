import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { computeOn, expectArraysClose, expectNoLeakedTensors, seededArray, seededIntArray, useBackend } from '@dendrite/test-utils';
import { copyWindow } from './slice';

const cases: Array<{ shape: number[]; begin: number[]; size: number[] }> = [
  { shape: [60, 7], begin: [10, 0], size: [16, 7] }, // a batch of rows: contiguous
  { shape: [60, 7], begin: [3, 2], size: [5, 4] },
  { shape: [5, 6, 7], begin: [1, 2, 3], size: [3, 2, 4] },
  { shape: [4, 5, 6, 3], begin: [1, 0, 2, 1], size: [2, 5, 3, 2] },
  { shape: [2, 3, 4, 5, 6], begin: [1, 1, 0, 2, 3], size: [1, 2, 4, 2, 3] },
  { shape: [9], begin: [4], size: [-1] },
  { shape: [3, 4], begin: [0, 0], size: [0, 4] },
];

describe('wasm Slice', () => {
  it.each(cases)('slices %j as the cpu backend does', async ({ shape, begin, size }) => {
    const values = seededArray(tf.util.sizeFromShape(shape), 11);
    const compute = () => tf.slice(tf.tensor(values, shape), begin, size);
    const [expected] = await computeOn('cpu', compute);
    const [actual] = await computeOn('wasm', compute);
    expectArraysClose(actual, expected, 0);
  });

  it('slices int32 and bool tensors, and leaks nothing', async () => {
    await useBackend('wasm');
    const ints = seededIntArray(24, 3, -50, 50);
    await expectNoLeakedTensors(() => {
      const sliced = tf.tidy(() => tf.slice(tf.tensor(ints, [4, 6], 'int32'), [1, 2], [2, 3]).arraySync());
      expect(sliced).toEqual([
        [ints[8], ints[9], ints[10]],
        [ints[14], ints[15], ints[16]],
      ]);
      const bools = tf.tidy(() => tf.slice(tf.tensor([true, false, true, true], [2, 2], 'bool'), [1, 0], [1, 2]).arraySync());
      expect(bools).toEqual([[1, 1]]);
    });
  });

  it('copies a window row by row', () => {
    const source = Float32Array.from({ length: 24 }, (_, i) => i);
    const out = new Float32Array(4);
    copyWindow(source, [2, 3, 4], [1, 1, 1], [1, 2, 2], out);
    expect([...out]).toEqual([17, 18, 21, 22]);
  });
});
