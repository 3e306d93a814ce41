import { it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { runLossTest } from '@dendrite/losses/testing';
import { EPS32, mean } from '../testing/read';
import { MeanSquaredLogarithmicError, meanSquaredLogarithmicError } from './mean-squared-logarithmic-error';

describeEachBackend('meanSquaredLogarithmicError', () => {
  it('equals mean((log(max(ŷ, ε) + 1) − log(max(y, ε) + 1))²), negatives counting as ε', async () => {
    const yTrue = [[0, Math.E - 1], [1, 2], [3, 0.5], [0, 0]];
    const yPred = [[0, 0], [-4, 2], [1, 0.25], [10, -1]];
    const log = (x: number) => Math.log(Math.max(x, EPS32) + 1);
    const expected = yTrue.map((row, i) => mean(row.map((t, j) => (log(yPred[i][j]) - log(t)) ** 2)));
    await runLossTest({ makeLoss: (args) => new MeanSquaredLogarithmicError(args), lossFunction: meanSquaredLogarithmicError, yTrue, yPred, expected });
  });
});
