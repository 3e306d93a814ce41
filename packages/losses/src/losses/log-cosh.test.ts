import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { runLossTest } from '@dendrite/losses/testing';
import { mean, read } from '../testing/read';
import { LogCosh, logCosh } from './log-cosh';

describeEachBackend('logCosh', () => {
  it('equals mean(log(cosh(ŷ − y))) per sample', async () => {
    const yTrue = [[0, 1], [0, 0], [2, -1]];
    const yPred = [[1, 1], [0, 0.1], [-3, 4]];
    const expected = yTrue.map((row, i) => mean(row.map((t, j) => Math.log(Math.cosh(yPred[i][j] - t)))));
    await runLossTest({ makeLoss: (args) => new LogCosh(args), lossFunction: logCosh, yTrue, yPred, expected });
  });

  it('stays finite where cosh overflows float32', () => {
    expect(read(logCosh(tf.tensor2d([[0]]), tf.tensor2d([[200]])))[0]).toBeCloseTo(200 - Math.LN2, 3);
  });
});
