import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { runLossTest } from '@dendrite/losses/testing';
import { mean, read, sum } from '../testing/read';
import { CategoricalHinge, Hinge, SquaredHinge, categoricalHinge, hinge, squaredHinge } from './hinge';

describeEachBackend('hinge losses', () => {
  const scores = [[0.5, -2], [0.3, 0.8], [-1, 1], [2, 0]];
  const binary = [[1, 0], [0, 0], [1, 1], [0, 1]];
  const signed = binary.map((row) => row.map((y) => 2 * y - 1));
  const hingeOf = (labels: number[][]) => labels.map((row, i) => mean(row.map((y, j) => Math.max(1 - y * scores[i][j], 0))));
  const squaredOf = (labels: number[][]) => labels.map((row, i) => mean(row.map((y, j) => Math.max(1 - y * scores[i][j], 0) ** 2)));

  it('hinge equals mean(max(1 − y·ŷ, 0)) for −1/1 labels, and converts 0/1 labels', async () => {
    await runLossTest({ makeLoss: (args) => new Hinge(args), lossFunction: hinge, yTrue: signed, yPred: scores, expected: hingeOf(signed) });
    await runLossTest({ makeLoss: (args) => new Hinge(args), lossFunction: hinge, yTrue: binary, yPred: scores, expected: hingeOf(signed) });
  });

  it('squared hinge equals mean(max(1 − y·ŷ, 0)²)', async () => {
    await runLossTest({ makeLoss: (args) => new SquaredHinge(args), lossFunction: squaredHinge, yTrue: binary, yPred: scores, expected: squaredOf(signed) });
  });

  it('leaves labels alone unless every one is 0 or 1, as Keras', () => {
    const mixed = [[-1, 0], [1, 1]];
    const values = read(hinge(tf.tensor2d(mixed), tf.tensor2d([[0.5, 0.5], [0.5, 2]])));
    expect(values).toEqual([mean([1.5, 1]), mean([0.5, 0])]);
  });

  it('categorical hinge equals max(max((1 − y)·ŷ) − Σ y·ŷ + 1, 0)', async () => {
    const oneHot = [[0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0]];
    const logits = [[0.3, 0.6, 0.1], [2, 0.5, 0.5], [0.9, 0.1, 0.2], [-1, 3, 1]];
    const expected = oneHot.map((row, i) => Math.max(Math.max(...row.map((y, j) => (1 - y) * logits[i][j])) - sum(row.map((y, j) => y * logits[i][j])) + 1, 0));
    await runLossTest({ makeLoss: (args) => new CategoricalHinge(args), lossFunction: categoricalHinge, yTrue: oneHot, yPred: logits, expected });
    expect(() => categoricalHinge(tf.zeros([2, 1]), tf.zeros([2, 3]))).toThrow('received [2, 1] and [2, 3] in loss "categorical_hinge"');
  });
});
