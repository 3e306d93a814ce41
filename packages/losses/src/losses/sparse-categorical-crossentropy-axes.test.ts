import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';

// [2, 3, 4] predictions, [2, 3] labels: summing or normalizing over a wrong axis changes the shape or the values.
const SCORES = [
  [[0.1, 0.6, 0.2, 0.1], [0.3, 0.3, 0.3, 0.1], [0.05, 0.05, 0.1, 0.8]],
  [[0.7, 0.1, 0.1, 0.1], [0.2, 0.2, 0.5, 0.1], [0.5, 0.25, 0.125, 0.125]],
];
const LABELS = [
  [1, 2, 3],
  [0, 3, 1],
];

describeEachBackend('sparseCategoricalCrossentropy on rank 3', () => {
  it('takes the class axis last, from probabilities and from logits (Keras’s formulas by hand)', () => {
    const [labels, scores] = [tf.tensor2d(LABELS, [2, 3], 'int32'), tf.tensor3d(SCORES)];
    const probabilityLoss = sparseCategoricalCrossentropy(labels, scores);
    const logitLoss = sparseCategoricalCrossentropy(labels, scores, { fromLogits: true });
    expect([probabilityLoss.shape, logitLoss.shape]).toEqual([[2, 3], [2, 3]]);
    const rows = SCORES.flat();
    const targets = LABELS.flat();
    expectArraysClose(probabilityLoss, rows.map((row, i) => -Math.log(row[targets[i]] / row.reduce((a, b) => a + b, 0))), 1e-5);
    expectArraysClose(logitLoss, rows.map((row, i) => Math.log(row.reduce((a, z) => a + Math.exp(z), 0)) - row[targets[i]]), 1e-5);
    tf.dispose([labels, scores, probabilityLoss, logitLoss]);
  });

  it('clips a certain right answer to 1 − ε: −log(fround(1 − 1e-7)), not 0', () => {
    const certain = tf.tensor2d([[0, 1, 0], [1, 0, 0]]);
    const labels = tf.tensor1d([1, 0], 'int32');
    const loss = sparseCategoricalCrossentropy(labels, certain);
    const expected = -Math.log(Math.fround(1 - 1e-7));
    for (const value of loss.dataSync()) expect(Math.abs(value - expected), `loss ${value}, expected ${expected}`).toBeLessThan(1e-9);
    tf.dispose([certain, labels, loss]);
  });

  it('reads float labels and integer predictions as Keras casts them', () => {
    const floatLabels = tf.tensor2d([[2], [0]]);
    const scores = tf.tensor2d([[1, 1, 2], [3, 0, 1]], [2, 3], 'int32');
    const loss = sparseCategoricalCrossentropy(floatLabels, scores);
    expectArraysClose(loss, [-Math.log(0.5), -Math.log(0.75)], 1e-6);
    tf.dispose([floatLabels, scores, loss]);
  });

  it('names yTrue, yPred and a fractional ignoreClass', () => {
    expect(sparseCategoricalCrossentropy.name).toBe('sparse_categorical_crossentropy'); // Keras's name, as metrics and logs show it
    const scores = tf.fill([2, 3], 1 / 3);
    expect(() => sparseCategoricalCrossentropy([0, 1] as never, scores)).toThrow('Expected yTrue to be a tf.Tensor, received [0,1] in loss "sparse_categorical_crossentropy"');
    expect(() => sparseCategoricalCrossentropy(scores, 'p' as never)).toThrow('Expected yPred to be a tf.Tensor, received "p" in loss "sparse_categorical_crossentropy"');
    expect(() => sparseCategoricalCrossentropy(scores, scores, { ignoreClass: 1.5 })).toThrow('Expected ignoreClass to be an integer or null, received 1.5 in loss "sparse_categorical_crossentropy"');
    scores.dispose();
  });
});
