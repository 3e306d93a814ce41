import { it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { runLossTest } from '@dendrite/losses/testing';
import { EPS32, mean } from '../testing/read';
import { Poisson, poisson } from './poisson';

describeEachBackend('poisson', () => {
  it('equals mean(ŷ − y·log(ŷ + ε)), a zero rate included', async () => {
    const yTrue = [[2, 0], [1, 3], [0, 0], [4, 1]];
    const yPred = [[1, 0.5], [0, 2.5], [0.1, 3], [4, 1]];
    const expected = yTrue.map((row, i) => mean(row.map((y, j) => yPred[i][j] - y * Math.log(yPred[i][j] + EPS32))));
    await runLossTest({ makeLoss: (args) => new Poisson(args), lossFunction: poisson, yTrue, yPred, expected });
  });
});
