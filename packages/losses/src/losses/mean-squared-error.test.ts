import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { runLossTest } from '@dendrite/losses/testing';
import { mean, read } from '../testing/read';
import { MeanSquaredError, meanSquaredError } from './mean-squared-error';

describeEachBackend('meanSquaredError', () => {
  const yTrue = [[0, 1], [1, 0], [2, -1], [0.5, 0.5], [3, 3]];
  const yPred = [[0.5, 1], [1.5, -1], [2, 2], [0.5, 0.25], [-1, 4]];
  const expected = yTrue.map((row, i) => mean(row.map((t, j) => (t - yPred[i][j]) ** 2)));

  it('equals mean((y − ŷ)²) per sample under every reduction and weighting', async () => {
    await runLossTest({ makeLoss: (args) => new MeanSquaredError(args), lossFunction: meanSquaredError, yTrue, yPred, expected });
  });

  it('keeps one value per sample for [batch] targets against [batch, 1] predictions, as Keras', () => {
    const values = read(meanSquaredError(tf.tensor1d([1, 2, 3]), tf.tensor2d([[2], [2], [5]])));
    expect(values).toEqual([1, 0, 4]);
  });

  it('broadcasts an axis of size 1 and names incompatible shapes', () => {
    expect(read(meanSquaredError(tf.tensor2d([[1], [2]]), tf.tensor2d([[1, 3], [2, 2]])))).toEqual([2, 0]);
    expect(() => meanSquaredError(tf.zeros([4, 3]), tf.zeros([4, 2]))).toThrow(
      'Expected yTrue and yPred to have compatible shapes, received [4, 3] and [4, 2] in loss "mean_squared_error"',
    );
  });

  it('takes int32 targets and carries its Keras name', () => {
    expect(read(meanSquaredError(tf.tensor2d([[1, 2]], undefined, 'int32'), tf.tensor2d([[1.5, 2]])))[0]).toBeCloseTo(0.125, 6);
    expect(meanSquaredError.name).toBe('mean_squared_error');
    expect(new MeanSquaredError().name).toBe('mean_squared_error');
  });
});
