import { expect } from 'vitest';
import { tf } from '@dendrite/backend';
import type { Regularizer } from '../regularizers/regularizer';

/** A weight with Σ|w| = 10 and Σw² = 30. */
export const WEIGHT_VALUES = [[1, -2], [3, -4]];

/**
 * Test helper: the penalty of `regularizer` on `values`, checking it is a scalar and the call
 * leaves only that tensor behind.
 */
export function penaltyOf(regularizer: Regularizer, values: number[][] = WEIGHT_VALUES): number {
  const weight = tf.tensor2d(values);
  const before = tf.memory().numTensors;
  const penalty = regularizer.call(weight);
  expect(tf.memory().numTensors, 'tensors alive after the call: the penalty only').toBe(before + 1);
  expect(penalty.shape).toEqual([]);
  const value = penalty.dataSync()[0];
  tf.dispose([penalty, weight]);
  return value;
}
