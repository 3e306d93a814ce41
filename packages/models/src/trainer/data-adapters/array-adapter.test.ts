import { describe, expect, it, vi } from 'vitest';
import { tf, setSeed, clearSeed } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { ArrayDataAdapter } from './array-adapter';
import { toHostArray } from './host-array';
import { cutBatch } from './batch-cutter';

function rows(count: number, width: number) {
  return toHostArray({ values: Float32Array.from({ length: count * width }, (_, i) => i), shape: [count, width] }, 'x');
}

describeEachBackend('ArrayDataAdapter', () => {
  it('cuts batches in order, the last one short, and uploads only the batch', async () => {
    const x = rows(5, 2);
    const y = toHostArray({ values: Int32Array.from([0, 1, 2, 3, 4]), shape: [5] }, 'y');
    const adapter = new ArrayDataAdapter([x], [y], { batchSize: 2, shuffle: false });
    expect(adapter.steps).toBe(3);
    await expectNoLeakedTensors(() => {
      const seen: number[][][] = [];
      for (const batch of adapter.batches()) {
        seen.push([Array.from(batch.x[0].dataSync()), Array.from(batch.y[0].dataSync())]);
        expect(batch.y[0].dtype).toBe('int32');
        tf.dispose([...batch.x, ...batch.y]);
      }
      expect(seen).toEqual([
        [[0, 1, 2, 3], [0, 1]],
        [[4, 5, 6, 7], [2, 3]],
        [[8, 9], [4]],
      ]);
    });
  });

  it('shuffles rows together with their targets and weights, repeatably under setSeed', () => {
    const x = rows(6, 1);
    const y = rows(6, 1);
    const weights = Float32Array.from([0, 1, 2, 3, 4, 5]);
    const epochOrder = () => {
      const adapter = new ArrayDataAdapter([x], [y], { batchSize: 6, shuffle: true, sampleWeight: weights });
      const [batch] = [...adapter.batches()];
      const values = [batch.x[0], batch.y[0], batch.sampleWeight!].map((t) => Array.from(t.dataSync()));
      tf.dispose([...batch.x, ...batch.y, batch.sampleWeight!]);
      return values;
    };
    setSeed(4);
    const [xs, ys, ws] = epochOrder();
    expect(xs).toEqual(ys);
    expect(xs).toEqual(ws);
    expect([...xs].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    setSeed(4);
    expect(epochOrder()[0]).toEqual(xs);
    clearSeed();
  });

  it('splits off the last fraction for validation, as Keras', () => {
    const [trainX, trainY, valX, valY] = ArrayDataAdapter.split([rows(10, 1)], [rows(10, 1)], 0.2);
    expect(Array.from(trainX[0].values)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(valX[0].values)).toEqual([8, 9]);
    expect(valY[0].shape).toEqual([2, 1]);
    expect(trainY[0].shape).toEqual([8, 1]);
    expect(() => ArrayDataAdapter.split([rows(10, 1)], [rows(10, 1)], 1.5)).toThrow('Expected validationSplit to be in (0, 1), received 1.5');
  });

  it('rejects mismatched sample counts and bad batch sizes', () => {
    expect(() => new ArrayDataAdapter([rows(5, 1)], [rows(4, 1)], { batchSize: 2 })).toThrow(
      'Expected x and y to have the same number of samples, received 5, 4',
    );
    expect(() => new ArrayDataAdapter([rows(5, 1)], [rows(5, 1)], { batchSize: 0 })).toThrow('Expected batchSize to be an integer ≥ 1, received 0');
  });
});

describe('toHostArray and cutBatch', () => {
  it('reads tensors, typed arrays with shapes and nested arrays, checking sizes', () => {
    expect(toHostArray([[1, 2], [3, 4]], 'x')).toMatchObject({ shape: [2, 2], rowSize: 2, dtype: 'float32' });
    expect(() => toHostArray({ values: new Float32Array(5), shape: [2, 2] }, 'x')).toThrow(
      'Expected x.values to hold 4 numbers for shape [2, 2], received 5',
    );
    expect(() => toHostArray('nope' as never, 'y')).toThrow(/Expected y to be a tensor, a \{values, shape\} typed array or a nested array, received string nope/);
    const t = tf.tensor2d([[1, 2]]);
    expect(Array.from(toHostArray(t, 'x').values)).toEqual([1, 2]);
    t.dispose();
  });

  it('gathers scattered rows, converting uint8 images to float32', () => {
    const images = toHostArray({ values: Uint8Array.from([0, 1, 2, 3, 4, 5, 250, 251]), shape: [4, 2] }, 'x');
    const batch = cutBatch(images, Int32Array.from([3, 0, 2]), 0, 3);
    expect(batch.dtype).toBe('float32');
    expect(Array.from(batch.dataSync())).toEqual([250, 251, 0, 1, 4, 5]);
    batch.dispose();
  });

});

describeEachBackend('batches cut from the caller’s tensors', () => {
  it('never reads back a tensor the caller holds: batches of shuffled rows and a validation split are cut on the backend', () => {
    const x = tf.tensor2d(Float32Array.from({ length: 20 }, (_, i) => i), [10, 2]);
    const y = tf.tensor1d(Int32Array.from({ length: 10 }, (_, i) => i), 'int32');
    const reads = [vi.spyOn(x, 'dataSync'), vi.spyOn(x, 'data'), vi.spyOn(x, 'arraySync')];
    const before = tf.memory().numTensors;
    const [trainX, trainY, valX, valY] = ArrayDataAdapter.split([toHostArray(x, 'x')], [toHostArray(y, 'y')], 0.3);
    const seen: number[][] = [];
    for (const adapter of [new ArrayDataAdapter(trainX, trainY, { batchSize: 3, shuffle: true, seed: 1 }), new ArrayDataAdapter(valX, valY, { batchSize: 2 })]) {
      for (const batch of adapter.batches()) {
        const [xs, ys] = [batch.x[0].arraySync() as number[][], batch.y[0].arraySync() as number[]];
        expect(batch.y[0].dtype).toBe('int32');
        expect(xs).toEqual(ys.map((row) => [2 * row, 2 * row + 1]));
        seen.push(ys);
        tf.dispose([...batch.x, ...batch.y]);
      }
    }
    for (const read of reads) expect(read).not.toHaveBeenCalled();
    expect(seen.slice(0, 3).flat().sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(seen.slice(3)).toEqual([[7, 8], [9]]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
  });
});
