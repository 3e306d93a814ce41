import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { runLossTest } from '@dendrite/losses/testing';
import { clipProbability, read, softmax, sum } from '../testing/read';
import { CategoricalCrossentropy, categoricalCrossentropy } from './categorical-crossentropy';

/** −Σ y·log(p/Σp), each normalized probability clipped to [ε, 1 − ε]. */
const cce = (y: number[], p: number[]) => -sum(y.map((yi, j) => yi * Math.log(clipProbability(p[j] / sum(p)))));
/** −Σ y·log softmax(x). */
const cceFromLogits = (y: number[], x: number[]) => {
  const top = Math.max(...x);
  const logSumExp = top + Math.log(sum(x.map((xi) => Math.exp(xi - top))));
  return -sum(y.map((yi, j) => yi * (x[j] - logSumExp)));
};
const smooth = (y: number[], s: number) => y.map((yi) => yi * (1 - s) + s / y.length);

describeEachBackend('categoricalCrossentropy', () => {
  const yTrue = [[0, 1, 0], [0, 0, 1], [1, 0, 0], [0.2, 0.3, 0.5], [0, 1, 0]];
  const probabilities = [[0.05, 0.95, 0], [0.1, 0.8, 0.1], [0, 1, 0], [0.25, 0.25, 0.5], [2, 6, 2]];

  it('from probabilities: rows renormalized, clipped at ε, so 0 and 1 stay finite', async () => {
    const expected = yTrue.map((row, i) => cce(row, probabilities[i]));
    expectArraysClose(expected.slice(0, 2), [0.0513, 2.303], 1e-3); // Keras's docstring example
    await runLossTest({ makeLoss: (args) => new CategoricalCrossentropy(args), lossFunction: categoricalCrossentropy, yTrue, yPred: probabilities, expected });
  });

  it('clips a certain right answer to 1 − ε: the loss is −log(1 − ε), not 0', async () => {
    // Keras: clip(p, ε, 1 − ε) in float32, so p = 1 costs −log(fround(1 − 1e-7)) = 1.1920929e-7.
    const expected = -Math.log(Math.fround(1 - 1e-7));
    const certain = tf.tensor2d([[0, 1, 0], [1, 0, 0]]);
    const values = await expectNoLeakedTensors(() => read(categoricalCrossentropy(certain, certain)));
    certain.dispose();
    for (const value of values) expect(Math.abs(value - expected), `loss ${value}, expected ${expected}`).toBeLessThan(1e-9);
  });

  it('from logits through log-softmax, ±100 included', async () => {
    const logits = [[2, -1, 0.5], [100, -100, 0], [-100, 100, 3], [1, 2, 3], [0, 0, 0]];
    await runLossTest({
      makeLoss: (args) => new CategoricalCrossentropy({ ...args, fromLogits: true }),
      lossFunction: (t, p) => categoricalCrossentropy(t, p, { fromLogits: true }),
      yTrue,
      yPred: logits,
      expected: yTrue.map((row, i) => cceFromLogits(row, logits[i])),
    });
  });

  it('agrees between logits and their softmax probabilities', () => {
    const logits = [[2, -1, 0.5], [0.1, 0.2, 0.3], [4, 1, -2]];
    const labels = tf.tensor2d([[0, 0, 1], [1, 0, 0], [0.5, 0.5, 0]]);
    const fromLogits = read(categoricalCrossentropy(labels, tf.tensor2d(logits), { fromLogits: true }));
    const fromProbabilities = read(categoricalCrossentropy(labels, tf.tensor2d(logits.map(softmax))));
    expectArraysClose(fromProbabilities, fromLogits, 1e-5);
    labels.dispose();
  });

  it('smooths labels to y·(1 − s) + s/classes', async () => {
    await runLossTest({
      makeLoss: (args) => new CategoricalCrossentropy({ ...args, labelSmoothing: 0.1 }),
      yTrue,
      yPred: probabilities,
      expected: yTrue.map((row, i) => cce(smooth(row, 0.1), probabilities[i])),
    });
    const logits = [[2, -1, 0.5], [1, 0, 0], [0, 5, 0], [1, 2, 3], [3, 3, 3]];
    await runLossTest({
      makeLoss: (args) => new CategoricalCrossentropy({ ...args, labelSmoothing: 0.3, fromLogits: true }),
      lossFunction: (t, p) => categoricalCrossentropy(t, p, { labelSmoothing: 0.3, fromLogits: true }),
      yTrue,
      yPred: logits,
      expected: yTrue.map((row, i) => cceFromLogits(smooth(row, 0.3), logits[i])),
    });
  });

  it('has finite gradients softmax(x) − y for logits of ±100', async () => {
    const labels = tf.tensor2d([[0, 1, 0], [1, 0, 0]]);
    const logits = tf.tensor2d([[100, -100, 0], [-100, 100, 100]]);
    const loss = new CategoricalCrossentropy({ fromLogits: true, reduction: 'sum' });
    const gradient = await expectNoLeakedTensors(() => read(tf.grad((x: tf.Tensor) => loss.apply(labels, x))(logits)));
    expect(gradient.every(Number.isFinite)).toBe(true);
    expectArraysClose(gradient, [1, -1, 0, -1, 0.5, 0.5], 1e-6);
    tf.dispose([labels, logits]);
  });

  it('sums over another axis', () => {
    const labels = tf.tensor2d([[0, 1], [1, 0], [0, 0]]); // classes on axis 0
    const logits = tf.tensor2d([[1, 2], [3, -1], [0, 0]]);
    const values = read(categoricalCrossentropy(labels, logits, { fromLogits: true, axis: 0 }));
    expectArraysClose(values, [cceFromLogits([0, 1, 0], [1, 3, 0]), cceFromLogits([1, 0, 0], [2, -1, 0])], 1e-5);
    tf.dispose([labels, logits]);
  });

  it('names mismatched shapes, pointing integer labels to the sparse loss', () => {
    expect(() => new CategoricalCrossentropy().apply(tf.zeros([4, 3]), tf.zeros([4, 2]))).toThrow(
      'Expected yTrue and yPred to have compatible shapes, received [4, 3] and [4, 2] in loss "categorical_crossentropy"',
    );
    expect(() => categoricalCrossentropy(tf.zeros([4, 1]), tf.zeros([4, 3]))).toThrow(
      'Expected yTrue and yPred to have compatible shapes, received [4, 1] and [4, 3] in loss "categorical_crossentropy" (integer class labels go with sparse_categorical_crossentropy)',
    );
    expect(() => categoricalCrossentropy(tf.zeros([4]), tf.zeros([4, 3]))).toThrow(/received \[4\] and \[4, 3\].*sparse_categorical_crossentropy/);
    expect(() => new CategoricalCrossentropy({ labelSmoothing: 2 })).toThrow('Expected labelSmoothing to be a number in [0, 1], received 2 in loss "categorical_crossentropy"');
  });
});
