import { describe, expect, it } from 'vitest';
import { NumpyRandomState } from '../utils/numpy-random-state';
import { timeseriesDatasetFromArray } from './timeseries-dataset-from-array';

type Part = { values: Float32Array; shape: number[] };

async function collect(dataset: AsyncIterable<unknown>): Promise<unknown[]> {
  const batches = [];
  for await (const batch of dataset) batches.push(batch);
  return batches;
}

describe('timeseriesDatasetFromArray', () => {
  it('makes the windows of Keras docstring: x[t … t+9] with target x[t+10]', async () => {
    const x = Array.from({ length: 100 }, (_, index) => index);
    const batches = (await collect(timeseriesDatasetFromArray(x.slice(0, -10), { targets: x.slice(10), sequenceLength: 10 }))) as Array<[Part, Part]>;
    expect(batches).toHaveLength(1);
    const [windows, targets] = batches[0];
    expect(windows.shape).toEqual([81, 10]);
    expect(Array.from(windows.values.subarray(0, 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(targets.values[0]).toBe(10);
    expect(Array.from(windows.values.subarray(80 * 10))).toEqual([80, 81, 82, 83, 84, 85, 86, 87, 88, 89]);
    expect(targets.values[80]).toBe(90);
  });

  it('takes stride, sampling rate, start and end indices and feature rows', async () => {
    const rows = Array.from({ length: 12 }, (_, index) => [index, -index]);
    const batches = (await collect(timeseriesDatasetFromArray(rows, { sequenceLength: 3, samplingRate: 2, sequenceStride: 3, startIndex: 1, endIndex: 11, batchSize: 2 }))) as Part[];
    // Starts 1, 4 (7 would need step 11, past endIndex): windows of steps t, t+2, t+4.
    expect(batches.map((batch) => batch.shape)).toEqual([[2, 3, 2]]);
    expect(Array.from(batches[0].values)).toEqual([1, -1, 3, -3, 5, -5, 4, -4, 6, -6, 8, -8]);
  });

  it('shuffles window starts with NumPy RandomState(seed), as Keras', async () => {
    const [[windows]] = (await collect(timeseriesDatasetFromArray(Array.from({ length: 6 }, (_, i) => i), { targets: [0, 1, 2, 3, 4, 5], sequenceLength: 2, shuffle: true, seed: 3 }))) as Array<[Part, Part]>;
    const starts = [0, 1, 2, 3, 4];
    new NumpyRandomState(3).shuffle(starts);
    expect(Array.from({ length: 5 }, (_, index) => windows.values[index * 2])).toEqual(starts);
    expect(() => timeseriesDatasetFromArray([1, 2], { sequenceLength: 1, batch_size: 2 } as never)).toThrow(/did you mean "batchSize"/);
  });
});
