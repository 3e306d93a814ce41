import { it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { runLossTest } from '@dendrite/losses/testing';
import { mean } from '../testing/read';
import { MeanAbsoluteError, meanAbsoluteError } from './mean-absolute-error';

describeEachBackend('meanAbsoluteError', () => {
  it('equals mean(|y − ŷ|) per sample under every reduction and weighting', async () => {
    const yTrue = [[0, 1], [1, 0], [2, -1], [0.5, 0.5]];
    const yPred = [[0.5, 1], [1.5, -1], [2, 2], [-0.5, 0.25]];
    const expected = yTrue.map((row, i) => mean(row.map((t, j) => Math.abs(t - yPred[i][j]))));
    await runLossTest({ makeLoss: (args) => new MeanAbsoluteError(args), lossFunction: meanAbsoluteError, yTrue, yPred, expected });
  });
});
