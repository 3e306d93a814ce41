import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { runLossTest } from '@dendrite/losses/testing';
import { mean } from '../testing/read';
import { Huber, huber } from './huber';

const huberOf = (error: number, delta: number) => (Math.abs(error) <= delta ? 0.5 * error ** 2 : delta * Math.abs(error) - 0.5 * delta ** 2);

describeEachBackend('huber', () => {
  const yTrue = [[0, 1], [0, 0], [2, -1], [1, 1]];
  const yPred = [[0.6, 0.4], [0.4, 3], [-1, -1.5], [1, 2]];
  const expectedFor = (delta: number) => yTrue.map((row, i) => mean(row.map((t, j) => huberOf(yPred[i][j] - t, delta))));

  it('is quadratic within delta (1) and linear beyond', async () => {
    await runLossTest({ makeLoss: (args) => new Huber(args), lossFunction: huber, yTrue, yPred, expected: expectedFor(1) });
  });

  it('takes another delta', async () => {
    await runLossTest({ makeLoss: (args) => new Huber({ ...args, delta: 2 }), lossFunction: (t, p) => huber(t, p, { delta: 2 }), yTrue, yPred, expected: expectedFor(2) });
  });

  it('names a delta that is not > 0', () => {
    expect(() => new Huber({ delta: 0 })).toThrow('Expected delta to be a finite number > 0, received 0 in loss "huber_loss"');
    expect(() => new Huber({ delta: -1, name: 'h' })).toThrow('Expected delta to be a finite number > 0, received -1 in loss "h"');
    expect(new Huber().getConfig()).toEqual({ name: 'huber_loss', reduction: 'sum_over_batch_size', delta: 1 });
  });
});
