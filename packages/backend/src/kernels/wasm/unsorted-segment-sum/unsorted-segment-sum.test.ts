import { describe, expect, it } from 'vitest';
import { createRandom, tf } from '@dendrite/backend';
import { computeOn, expectArraysClose, expectNoLeakedTensors, seededArray, seededIntArray, useBackend } from '@dendrite/test-utils';

const cases = [
  { xShape: [8], ids: [0, 1, 1, 2, 2, 2, 3, 0], numSegments: 4 },
  { xShape: [6, 3], ids: [5, -1, 2, 2, 9, 0], numSegments: 6 }, // out-of-range ids are dropped
  { xShape: [4, 2, 3], ids: [1, 1, 1, 1], numSegments: 3 },
];

/** Seeded cases: rank 1–3 x, both dtypes, ids repeated and out of range on both sides. */
function randomCases(count: number) {
  const draw = createRandom(404);
  const pick = (low: number, high: number) => low + Math.floor(draw() * (high - low + 1));
  return Array.from({ length: count }, (_, i) => {
    const rows = pick(1, 12);
    const numSegments = pick(1, 6);
    return {
      xShape: [rows, ...Array.from({ length: i % 3 }, () => pick(1, 4))],
      dtype: i % 2 === 0 ? ('float32' as const) : ('int32' as const),
      ids: Array.from({ length: rows }, () => pick(-2, numSegments + 1)),
      numSegments,
    };
  });
}

describe('wasm UnsortedSegmentSum', () => {
  it.each(randomCases(24))('equals the cpu backend for %j', async ({ xShape, dtype, ids, numSegments }) => {
    const size = tf.util.sizeFromShape(xShape);
    const x = dtype === 'int32' ? seededIntArray(size, 6, -50, 50) : seededArray(size, 6);
    const compute = () => tf.unsortedSegmentSum(tf.tensor(x, xShape, dtype), tf.tensor1d(ids, 'int32'), numSegments);
    const [expected] = await computeOn('cpu', compute);
    await useBackend('wasm');
    const actual = await expectNoLeakedTensors(() => {
      const result = tf.tidy(compute);
      expect(result.dtype).toBe(dtype);
      expect(result.shape).toEqual([numSegments, ...xShape.slice(1)]);
      const values = Float32Array.from(result.dataSync());
      result.dispose();
      return values;
    });
    expectArraysClose(actual, expected, dtype === 'int32' ? 0 : 1e-5);
  });

  it.each(cases)('equals the cpu backend for float32 %j', async ({ xShape, ids, numSegments }) => {
    const x = seededArray(tf.util.sizeFromShape(xShape), 3);
    const compute = () => tf.unsortedSegmentSum(tf.tensor(x, xShape), tf.tensor(ids as number[], undefined, 'int32'), numSegments);
    const [expected] = await computeOn('cpu', compute);
    const [actual] = await computeOn('wasm', compute);
    expectArraysClose(actual, expected);
  });

  it('takes ids over several leading axes, as TensorFlow (tfjs-cpu cannot: checked by hand)', async () => {
    await useBackend('wasm');
    const x = Float32Array.from({ length: 2 * 3 * 2 }, (_, i) => i);
    const ids = Int32Array.from([0, 2, 2, 1, -3, 7]);
    const result = tf.engine().runKernel('UnsortedSegmentSum', { x: tf.tensor3d(x, [2, 3, 2]), segmentIds: tf.tensor2d(ids, [2, 3], 'int32') }, { numSegments: 3 } as never) as tf.Tensor;
    // rows: 0:[0,1] 1:[2,3] 2:[4,5] 3:[6,7] 4:[8,9] 5:[10,11]; ids 0,2,2,1,drop,drop
    expect(Array.from(result.dataSync())).toEqual([0, 1, 6, 7, 2 + 4, 3 + 5]);
    tf.dispose(result);
  });

  it('sums int32 rows with repeated ids', async () => {
    await useBackend('wasm');
    const values = seededIntArray(12, 4, -20, 20);
    const result = tf.tidy(() => tf.unsortedSegmentSum(tf.tensor2d(values, [4, 3], 'int32'), tf.tensor1d([1, 0, 1, 5], 'int32'), 2));
    expect(result.dtype).toBe('int32');
    expect(Array.from(result.dataSync())).toEqual([
      values[3], values[4], values[5],
      values[0] + values[6], values[1] + values[7], values[2] + values[8],
    ]);
    result.dispose();
  });

  it('gives gather (an embedding lookup) its gradient on wasm, with no leak', async () => {
    const table = seededArray(10 * 4, 5);
    const indices = Int32Array.from([3, 3, 0, 9, 3]);
    const gradient = () => tf.grad((t: tf.Tensor) => tf.sum(tf.square(tf.gather(t, tf.tensor1d(indices, 'int32')))))(tf.tensor2d(table, [10, 4]));
    await useBackend('wasm');
    await expectNoLeakedTensors(() => tf.dispose(tf.tidy(gradient)));
    const [expected] = await computeOn('cpu', gradient);
    const [actual] = await computeOn('wasm', gradient);
    expectArraysClose(actual, expected);
  });
});
