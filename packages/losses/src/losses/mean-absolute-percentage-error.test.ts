import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { runLossTest } from '@dendrite/losses/testing';
import { EPS32, mean } from '../testing/read';
import { MeanAbsolutePercentageError, meanAbsolutePercentageError } from './mean-absolute-percentage-error';

describeEachBackend('meanAbsolutePercentageError', () => {
  it('equals 100·mean(|y − ŷ| / max(|y|, ε)), a zero target dividing by ε', async () => {
    const yTrue = [[2, 4], [-1, 10], [0, 1], [5, 5]];
    const yPred = [[1, 5], [1, 9], [0.5, 1], [5, 5]];
    const expected = yTrue.map((row, i) => 100 * mean(row.map((t, j) => Math.abs(t - yPred[i][j]) / Math.max(Math.abs(t), EPS32))));
    expect(expected[2]).toBeGreaterThan(1e8);
    await runLossTest({ makeLoss: (args) => new MeanAbsolutePercentageError(args), lossFunction: meanAbsolutePercentageError, yTrue, yPred, expected });
  });
});
