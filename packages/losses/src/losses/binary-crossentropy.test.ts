import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { runLossTest } from '@dendrite/losses/testing';
import { clipProbability, mean, read } from '../testing/read';
import { BinaryCrossentropy, binaryCrossentropy } from './binary-crossentropy';

/** −(z·log p + (1 − z)·log(1 − p)) with p clipped to [ε, 1 − ε] as float32 holds it. */
const bce = (z: number, p: number) => -(z * Math.log(clipProbability(p)) + (1 - z) * Math.log(1 - clipProbability(p)));
/** The stable logit form max(x, 0) − x·z + log(1 + e^−|x|). */
const bceFromLogit = (z: number, x: number) => Math.max(x, 0) - x * z + Math.log1p(Math.exp(-Math.abs(x)));
const rows = (yTrue: number[][], yPred: number[][], f: (z: number, p: number) => number) => yTrue.map((row, i) => mean(row.map((z, j) => f(z, yPred[i][j]))));

describeEachBackend('binaryCrossentropy', () => {
  const yTrue = [[0, 1], [1, 0], [1, 1], [0, 0], [1, 0]];
  const probabilities = [[0.2, 0.7], [0.9, 0.4], [1, 0], [0, 1], [0.5, 0.5]];

  it('from probabilities, clipped at ε so that probabilities of exactly 0 and 1 stay finite', async () => {
    const expected = rows(yTrue, probabilities, bce);
    expect(expected[2]).toBeGreaterThan(8); // −log ε for the 0 predicted where 1 is true
    await runLossTest({ makeLoss: (args) => new BinaryCrossentropy(args), lossFunction: binaryCrossentropy, yTrue, yPred: probabilities, expected });
  });

  it('from logits, through the stable form, ±100 included', async () => {
    const logits = [[2, -1], [0.5, -3], [100, -100], [-100, 100], [0, 0]];
    const expected = rows(yTrue, logits, bceFromLogit);
    await runLossTest({
      makeLoss: (args) => new BinaryCrossentropy({ ...args, fromLogits: true }),
      lossFunction: (t, p) => binaryCrossentropy(t, p, { fromLogits: true }),
      yTrue,
      yPred: logits,
      expected,
    });
  });

  it('agrees between logits and their sigmoid probabilities', () => {
    const logits = tf.tensor2d([[2, -1], [0.5, -3], [4, 1]]);
    const labels = tf.tensor2d([[1, 0], [0, 1], [1, 1]]);
    const fromLogits = read(binaryCrossentropy(labels, logits, { fromLogits: true }));
    const fromProbabilities = tf.tidy(() => read(binaryCrossentropy(labels, tf.sigmoid(logits))));
    expectArraysClose(fromProbabilities, fromLogits, 1e-5);
    tf.dispose([logits, labels]);
  });

  it('smooths labels to z·(1 − s) + s/2', async () => {
    const smooth = (z: number) => z * 0.8 + 0.1;
    await runLossTest({
      makeLoss: (args) => new BinaryCrossentropy({ ...args, labelSmoothing: 0.2 }),
      lossFunction: (t, p) => binaryCrossentropy(t, p, { labelSmoothing: 0.2 }),
      yTrue,
      yPred: probabilities,
      expected: rows(yTrue, probabilities, (z, p) => bce(smooth(z), p)),
    });
    const logits = [[3, -2], [0, 1], [5, 5], [-1, -4], [2, 2]];
    await runLossTest({
      makeLoss: (args) => new BinaryCrossentropy({ ...args, labelSmoothing: 0.2, fromLogits: true }),
      yTrue,
      yPred: logits,
      expected: rows(yTrue, logits, (z, x) => bceFromLogit(smooth(z), x)),
    });
  });

  it('has finite gradients sigmoid(x) − z for logits of ±100', async () => {
    const labels = tf.tensor2d([[0], [1], [1], [0]]);
    const logits = tf.tensor2d([[100], [-100], [100], [-100]]);
    const loss = new BinaryCrossentropy({ fromLogits: true, reduction: 'sum' });
    const gradient = await expectNoLeakedTensors(() => read(tf.grad((x: tf.Tensor) => loss.apply(labels, x))(logits)));
    expect(gradient.every(Number.isFinite)).toBe(true);
    expectArraysClose(gradient, [1, -1, 0, 0], 1e-6);
    tf.dispose([labels, logits]);
  });

  it('averages over another axis', () => {
    const labels = tf.tensor3d([[[1, 0], [0, 0]]]);
    const predictions = tf.tensor3d([[[0.9, 0.2], [0.3, 0.6]]]);
    const values = read(binaryCrossentropy(labels, predictions, { axis: 1 }));
    expectArraysClose(values, [(bce(1, 0.9) + bce(0, 0.3)) / 2, (bce(0, 0.2) + bce(0, 0.6)) / 2], 1e-5);
    tf.dispose([labels, predictions]);
  });

  it('names mismatched shapes and bad arguments', () => {
    expect(() => binaryCrossentropy(tf.zeros([4, 1]), tf.zeros([4, 2]))).toThrow(
      'Expected yTrue and yPred to have compatible shapes, received [4, 1] and [4, 2] in loss "binary_crossentropy"',
    );
    expect(() => binaryCrossentropy([1] as never, tf.zeros([1]))).toThrow('Expected yTrue to be a tf.Tensor, received [1] in loss "binary_crossentropy"');
    expect(() => new BinaryCrossentropy({ labelSmoothing: 1.5 })).toThrow('Expected labelSmoothing to be a number in [0, 1], received 1.5 in loss "binary_crossentropy"');
    expect(() => new BinaryCrossentropy({ labelSmoothing: Number.NaN })).toThrow('received NaN');
    expect(() => binaryCrossentropy(tf.zeros([1, 1]), tf.zeros([1, 1]), { labelSmoothing: -0.1 })).toThrow('received -0.1');
    expect(new BinaryCrossentropy({ fromLogits: true }).getConfig()).toEqual({
      name: 'binary_crossentropy',
      reduction: 'sum_over_batch_size',
      from_logits: true,
      label_smoothing: 0,
      axis: -1,
    });
  });
});
