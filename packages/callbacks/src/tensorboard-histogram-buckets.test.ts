import { describe, expect, it } from 'vitest';
import { seededArray } from '@dendrite/test-utils';
import { histogramEvent, histogramProto } from './tensorboard-events';
import { decodeEvent } from './testing/event-file-reader';

const histogramOf = (values: number[], buckets?: number) => decodeEvent(histogramEvent(0, 0, 'h', histogramProto(values, buckets))).values[0].histogram!;

/** Bucket counts by the definition, value by value: (limit[i−1], limit[i]], the first bucket from the minimum. */
function countByDefinition(values: number[], limits: number[]): number[] {
  return limits.map((limit, i) => values.filter((value) => Number.isFinite(value) && value <= limit && (i === 0 || value > limits[i - 1])).length);
}

describe('TensorBoard histogram buckets by their definition', () => {
  it('puts values lying on a limit (and a tenth off one in floating point) into the bucket that limit closes', () => {
    const cases: Array<[number[], number]> = [
      [Array.from({ length: 91 }, (_, i) => i), 30], // every limit 3, 6, … is a value
      [Array.from({ length: 101 }, (_, i) => i / 10), 7], // limits that are not exact in binary
      [Array.from({ length: 61 }, (_, i) => 0.1 * i - 3), 30],
      [[...seededArray(500, 5).map((v) => v * 4 - 2), -2, 2], 13],
      // Just above the limit −1.44…: ceil((v − min) / width) − 1 gives the bucket below, by rounding.
      [[-9.59, 0.1899999999999995, -1.440000000000001], 6],
      [[-5.37, 4.579999999999999, -0.7776923076923079], 13],
    ];
    for (const [values, buckets] of cases) {
      const histogram = histogramOf(values, buckets);
      expect(histogram.bucket, `${values.length} values in ${buckets}`).toEqual(countByDefinition(values, histogram.bucketLimit));
      expect(histogram.bucket.reduce((a, b) => a + b)).toBe(values.length);
    }
  });

  it('leaves infinities out of the counts, the range and the sums', () => {
    expect(histogramOf([Infinity, 1, -Infinity, 3], 2)).toEqual({ min: 1, max: 3, num: 2, sum: 4, sumSquares: 10, bucketLimit: [2, 3], bucket: [1, 1] });
    expect(histogramOf([Number.NaN, Infinity])).toEqual({ min: 0, max: 0, num: 0, sum: 0, sumSquares: 0, bucketLimit: [], bucket: [] });
  });

  it('makes 30 equal-width buckets by default, the last closing at the maximum', () => {
    const histogram = histogramOf([-1.5, 4.5]);
    expect(histogram.bucketLimit).toHaveLength(30);
    expect(histogram.bucketLimit[0]).toBeCloseTo(-1.3, 12);
    expect(histogram.bucketLimit[14]).toBeCloseTo(1.5, 12);
    expect(histogram.bucketLimit[29]).toBe(4.5);
    expect(histogram.bucket[0] + histogram.bucket[29]).toBe(2);
  });
});
