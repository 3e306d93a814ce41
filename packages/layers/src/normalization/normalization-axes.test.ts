import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { broadcastToAxes, normalizeAxis } from './normalization-axes';

it('normalizeAxis counts negative axes from the end and takes exactly [−rank, rank)', () => {
  expect([-3, -2, -1, 0, 1, 2].map((axis) => normalizeAxis(axis, 3, 'axis', 'ln'))).toEqual([0, 1, 2, 0, 1, 2]);
  expect(() => normalizeAxis(-4, 3, 'axis', 'ln')).toThrow('Expected axis to be an axis of a rank-3 input, in [-3, 2], received -4 in layer "ln"');
  expect(() => normalizeAxis(3, 3, 'axis', 'ln')).toThrow('Expected axis to be an axis of a rank-3 input, in [-3, 2], received 3 in layer "ln"');
  expect(() => normalizeAxis(0.5, 3, 'axis', 'ln')).toThrow('received 0.5 in layer "ln"');
});

it('broadcastToAxes keeps a vector of the last axis as it is, and reshapes any other to broadcast', () => {
  const vector = tf.tensor1d([1, 2, 3]);
  expect(broadcastToAxes(vector, [2, 4, 3], [2])).toBe(vector);
  const middle = broadcastToAxes(vector, [2, 3, 4], [1]);
  expect(middle.shape).toEqual([1, 3, 1]);
  const matrix = tf.ones([3, 4]);
  const lastTwo = broadcastToAxes(matrix, [2, 3, 4], [1, 2]);
  expect(lastTwo.shape).toEqual([1, 3, 4]);
  // A rank-2 value of the last axis is reshaped too (to [1, 3]), not returned as is.
  const row = tf.ones([1, 3]);
  const reshaped = broadcastToAxes(row, [2, 3], [1]);
  expect(reshaped).not.toBe(row);
  expect(reshaped.shape).toEqual([1, 3]);
  tf.dispose([vector, middle, matrix, lastTwo, row, reshaped]);
});
