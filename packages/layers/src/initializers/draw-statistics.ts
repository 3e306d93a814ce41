import { expect } from 'vitest';
import { tf } from '@dendrite/backend';
import type { Initializer } from './initializer';

/** Summary statistics of one draw, for tests. */
export interface DrawStatistics {
  mean: number;
  variance: number;
  min: number;
  max: number;
  values: Float32Array;
}

/**
 * Test helper: calls `initializer` on `shape`, checks it made exactly one tensor (the result) of
 * that shape, reads its values, disposes it and returns their mean, variance, min and max.
 */
export function drawStatistics(initializer: Initializer, shape: number[]): DrawStatistics {
  const before = tf.memory().numTensors;
  const tensor = initializer.call(shape);
  expect(tf.memory().numTensors, 'tensors alive after the call: the result only').toBe(before + 1);
  expect(tensor.shape).toEqual(shape);
  const values = Float32Array.from(tensor.dataSync() as Float32Array);
  tensor.dispose();
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    sum += value;
    min = Math.min(min, value);
    max = Math.max(max, value);
  }
  const mean = sum / values.length;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return { mean, variance: squares / values.length, min, max, values };
}

/** Test helper: `actual` within `relative` of `expected` (5% by default). */
export function expectRatioNear(actual: number, expected: number, relative = 0.05): void {
  expect(actual / expected, `${actual} against ${expected}`).toBeGreaterThan(1 - relative);
  expect(actual / expected, `${actual} against ${expected}`).toBeLessThan(1 + relative);
}
