import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { uploadRows } from '@dendrite/backend/internal';
import { computeOn, seededArray } from '@dendrite/test-utils';

const ROW = 6;
const values = seededArray(10 * ROW, 1);
const integers = Int32Array.from({ length: 10 * ROW }, (_, index) => index - 7);
const bytes = Uint8Array.from({ length: 10 * ROW }, (_, index) => (index * 37) % 256);

describe('uploadRows', () => {
  it.each([
    ['shuffled rows', Int32Array.from([4, 0, 9, 2, 7]), 1, 4],
    ['an increasing run', Int32Array.from([9, 3, 4, 5, 6]), 1, 5],
  ] as const)('cuts %s into the same tensor on wasm as on cpu, leaving no tensor behind', async (_name, indices, start, end) => {
    for (const [source, dtype] of [[values, 'float32'], [integers, 'int32'], [bytes, 'float32']] as const) {
      const compute = () => uploadRows(source, ROW, indices, start, end, [end - start, 2, 3], dtype);
      const [expected] = await computeOn('cpu', compute);
      const before = tf.memory().numTensors;
      const [actual] = await computeOn('wasm', compute);
      expect(tf.memory().numTensors).toBe(before);
      const hand = Float32Array.from({ length: (end - start) * ROW }, (_, index) => source[indices[start + Math.floor(index / ROW)] * ROW + (index % ROW)]);
      expect(expected).toEqual(hand);
      expect(actual).toEqual(hand);
    }
  });

  it('gives the shape and dtype asked for', async () => {
    for (const backend of ['cpu', 'wasm'] as const) {
      await computeOn(backend, () => {
        const batch = uploadRows(integers, ROW, Int32Array.from([1, 2]), 0, 2, [2, ROW], 'int32');
        expect(batch.shape).toEqual([2, ROW]);
        expect(batch.dtype).toBe('int32');
        return batch;
      });
    }
  });
});
