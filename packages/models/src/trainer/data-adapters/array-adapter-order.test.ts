import { describe, expect, it } from 'vitest';
import { createRandom, tf } from '@dendrite/backend';
import { ArrayDataAdapter } from './array-adapter';
import { toHostArray } from './host-array';

/** Durstenfeld's Fisher–Yates from the last index down (NumPy's `shuffle`), on the given draws. */
function fisherYates(n: number, draw: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(draw() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

const rows = (count: number) => toHostArray({ values: Float32Array.from({ length: count }, (_, i) => i), shape: [count, 1] }, 'x');

/** Each batch's row values, one list per batch. */
function epoch(adapter: ArrayDataAdapter): number[][] {
  return [...adapter.batches()].map((batch) => {
    const values = Array.from(batch.x[0].dataSync());
    tf.dispose([...batch.x, ...batch.y, ...(batch.sampleWeight ? [batch.sampleWeight] : [])]);
    return values;
  });
}

// Sizes that do not divide (7 rows in batches of 3), so a rounding or bound one off shows.
describe('ArrayDataAdapter: order, batches and split on sizes that do not divide', () => {
  it('shuffles each epoch as Fisher–Yates on the seed’s stream, epoch after epoch, one draw per swap', () => {
    const adapter = new ArrayDataAdapter([rows(7)], [rows(7)], { batchSize: 3, shuffle: true, seed: 11 });
    const draw = createRandom(11);
    for (let e = 0; e < 3; e++) {
      const order = fisherYates(7, draw);
      expect(epoch(adapter)).toEqual([order.slice(0, 3), order.slice(3, 6), order.slice(6)]);
    }
  });

  it('cuts ⌈n / batchSize⌉ batches, the last one short, or stepsPerEpoch of them when fewer', () => {
    expect(new ArrayDataAdapter([rows(7)], [rows(7)], { batchSize: 3 }).steps).toBe(3);
    expect(epoch(new ArrayDataAdapter([rows(7)], [rows(7)], { batchSize: 3 }))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    const capped = new ArrayDataAdapter([rows(7)], [rows(7)], { batchSize: 3, stepsPerEpoch: 2 });
    expect(capped.steps).toBe(2);
    expect(epoch(capped)).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(new ArrayDataAdapter([rows(7)], [rows(7)], { batchSize: 3, stepsPerEpoch: 5 }).steps).toBe(3);
    expect(new ArrayDataAdapter([rows(7)], [rows(7)], { batchSize: 7 }).steps).toBe(1);
    expect(new ArrayDataAdapter([rows(7)], [rows(7)], { batchSize: 8 }).steps).toBe(1);
  });

  it('keeps Keras’s ⌊n·(1 − split)⌋ training rows: 7 × 0.3 → 4 and 3', () => {
    const weights = Float32Array.from([10, 11, 12, 13, 14, 15, 16]);
    const [trainX, trainY, valX, valY, trainW, valW] = ArrayDataAdapter.split([rows(7)], [rows(7)], 0.3, weights);
    expect(Array.from(trainX[0].values)).toEqual([0, 1, 2, 3]);
    expect(Array.from(trainY[0].values)).toEqual([0, 1, 2, 3]);
    expect(Array.from(valX[0].values)).toEqual([4, 5, 6]);
    expect(Array.from(valY[0].values)).toEqual([4, 5, 6]);
    expect([trainX[0].shape, valX[0].shape]).toEqual([[4, 1], [3, 1]]);
    expect(Array.from(trainW!)).toEqual([10, 11, 12, 13]);
    expect(Array.from(valW!)).toEqual([14, 15, 16]);
  });

  it('splits rows of several values whole, and a part of a tensor again from where that part starts', () => {
    const pairs = toHostArray({ values: Float32Array.from({ length: 10 }, (_, i) => i), shape: [5, 2] }, 'x');
    const [trainX, , valX] = ArrayDataAdapter.split([pairs], [rows(5)], 0.4);
    expect(Array.from(trainX[0].values)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(valX[0].values)).toEqual([6, 7, 8, 9]);
    const t = tf.tensor2d(Float32Array.from({ length: 10 }, (_, i) => i), [5, 2]);
    const [, , tail] = ArrayDataAdapter.split([toHostArray(t, 'x')], [rows(5)], 0.6);
    expect(tail[0]).toMatchObject({ firstRow: 2, shape: [3, 2] });
    const [head, , last] = ArrayDataAdapter.split(tail, [rows(3)], 0.4);
    expect(head[0]).toMatchObject({ firstRow: 2, shape: [1, 2] });
    expect(last[0]).toMatchObject({ firstRow: 3, shape: [2, 2] });
    expect(Array.from(last[0].values)).toEqual([6, 7, 8, 9]);
    t.dispose();
  });

  it('refuses a split that leaves a side empty, and a weight per sample missing', () => {
    expect(() => ArrayDataAdapter.split([rows(2)], [rows(2)], 0.6)).toThrow('Expected validationSplit 0.6 to leave samples on both sides, received 2 samples');
    // 1 − 1e-17 rounds to 1: every sample would train.
    expect(() => ArrayDataAdapter.split([rows(10)], [rows(10)], 1e-17)).toThrow('Expected validationSplit 1e-17 to leave samples on both sides, received 10 samples');
    expect(() => ArrayDataAdapter.split([rows(10)], [rows(10)], 0)).toThrow('Expected validationSplit to be in (0, 1), received 0');
    expect(() => ArrayDataAdapter.split([rows(10)], [rows(10)], 1)).toThrow('Expected validationSplit to be in (0, 1), received 1');
    expect(() => new ArrayDataAdapter([rows(3)], [rows(3)], { batchSize: 2, sampleWeight: new Float32Array(2) })).toThrow(
      'Expected sampleWeight to have 3 entries (one per sample), received 2',
    );
    expect(() => new ArrayDataAdapter([rows(3)], [rows(3)], { batchSize: 1.5 })).toThrow('Expected batchSize to be an integer ≥ 1, received 1.5');
    expect(() => new ArrayDataAdapter([rows(3)], [rows(3)], { batchSize: 0 })).toThrow(RangeError);
    expect(() => new ArrayDataAdapter([rows(3)], [rows(3)], { batchSize: '2' as never })).toThrow(TypeError);
  });

  it('splits strings by rows, and cuts batches of them as string tensors', () => {
    const words = toHostArray([['a', 'b'], ['c', 'd'], ['e', 'f']], 'x', { name: 'text', dtype: 'string' });
    const [trainX, , valX] = ArrayDataAdapter.split([words], [rows(3)], 0.5);
    expect(trainX[0]).toMatchObject({ shape: [1, 2], strings: ['a', 'b'] });
    expect(valX[0]).toMatchObject({ shape: [2, 2], strings: ['c', 'd', 'e', 'f'] });
    const adapter = new ArrayDataAdapter(valX, [rows(2)], { batchSize: 1 });
    const batches = [...adapter.batches()];
    expect(batches.map((batch) => [batch.x[0].dtype, batch.x[0].shape, batch.x[0].dataSync()])).toEqual([
      ['string', [1, 2], ['c', 'd']],
      ['string', [1, 2], ['e', 'f']],
    ]);
    tf.dispose(batches.flatMap((batch) => [...batch.x, ...batch.y]));
  });
});
