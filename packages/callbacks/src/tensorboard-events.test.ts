import { describe, expect, it } from 'vitest';
import { fileVersionEvent, histogramEvent, histogramProto, scalarEvent } from './tensorboard-events';
import { decodeEvent } from './testing/event-file-reader';

const histogramOf = (values: number[], buckets?: number) => decodeEvent(histogramEvent(0, 0, 'h', histogramProto(values, buckets))).values[0].histogram!;

describe('TensorBoard event messages', () => {
  it('encodes the file version event and scalar events', () => {
    expect(decodeEvent(fileVersionEvent(1700000000.25))).toEqual({ wallTime: 1700000000.25, step: 0, fileVersion: 'brain.Event:2', values: [] });
    expect(decodeEvent(scalarEvent(12, 1.5, 'epoch_loss', 0.25))).toEqual({ wallTime: 1.5, step: 12, values: [{ tag: 'epoch_loss', simpleValue: 0.25, histogram: undefined }] });
    expect(decodeEvent(scalarEvent(0, 0, 't', 0.1)).values[0].simpleValue).toBe(Math.fround(0.1));
  });

  it('buckets values into (limit[i-1], limit[i]] from the minimum to the maximum', () => {
    expect(histogramOf([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual({
      min: 0, max: 9, num: 10, sum: 45, sumSquares: 285, bucketLimit: [3, 6, 9], bucket: [4, 3, 3],
    });
    const spread = histogramOf(Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 3));
    expect(spread.bucket).toHaveLength(30);
    expect(spread.bucket.reduce((a, b) => a + b)).toBe(1000);
    expect(spread.bucketLimit.at(-1)).toBe(spread.max);
    expect(spread.bucketLimit.every((limit, i) => i === 0 || limit > spread.bucketLimit[i - 1])).toBe(true);
  });

  it('makes one bucket of constant values, none of empty ones, and leaves NaN out', () => {
    expect(histogramOf([3, 3])).toEqual({ min: 3, max: 3, num: 2, sum: 6, sumSquares: 18, bucketLimit: [3], bucket: [2] });
    expect(histogramOf([])).toEqual({ min: 0, max: 0, num: 0, sum: 0, sumSquares: 0, bucketLimit: [], bucket: [] });
    expect(histogramOf([1, Number.NaN, 2], 2)).toEqual({ min: 1, max: 2, num: 2, sum: 3, sumSquares: 5, bucketLimit: [1.5, 2], bucket: [1, 1] });
    expect(() => histogramProto([1], 0)).toThrow('Expected buckets to be an integer ≥ 1, received 0');
  });
});
