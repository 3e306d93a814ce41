import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { markSoftmaxOutput } from '@dendrite/backend/internal';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { categoricalCrossentropy } from './categorical-crossentropy';

const EPSILON = 1e-7;

/** Keras's categorical crossentropy of one row of probabilities: renormalized, clipped to [ε, 1 − ε]. */
function fromProbabilities(target: number[], probabilities: number[]): number {
  const total = probabilities.reduce((sum, p) => sum + p, 0);
  return -target.reduce((sum, t, i) => sum + t * Math.log(Math.min(Math.max(probabilities[i] / total, EPSILON), 1 - EPSILON)), 0);
}

/** Keras's categorical crossentropy of one row of logits: −Σ t·(z − log Σ exp z). */
function fromLogits(target: number[], logits: number[]): number {
  const logSumExp = Math.log(logits.reduce((sum, z) => sum + Math.exp(z), 0));
  return -target.reduce((sum, t, i) => sum + t * (logits[i] - logSumExp), 0);
}

/** The rows of a [2, 3, 4] array along `axis` (0, 1 or 2), in the row-major order of the other two axes. */
function rowsAlong(values: number[][][], axis: number): number[][] {
  const shape = [2, 3, 4];
  const others = [0, 1, 2].filter((a) => a !== axis);
  const rows: number[][] = [];
  for (let i = 0; i < shape[others[0]]; i++) {
    for (let j = 0; j < shape[others[1]]; j++) {
      const row: number[] = [];
      for (let k = 0; k < shape[axis]; k++) {
        const index = [0, 0, 0];
        index[others[0]] = i;
        index[others[1]] = j;
        index[axis] = k;
        row.push(values[index[0]][index[1]][index[2]]);
      }
      rows.push(row);
    }
  }
  return rows;
}

// Rank 3, no axis of one size twice: an axis mix-up changes the result's shape or its values.
const TARGETS = [
  [[0, 1, 0, 0], [0.5, 0, 0.5, 0], [0, 0, 0, 1]],
  [[1, 0, 0, 0], [0, 0.25, 0.25, 0.5], [0, 1, 0, 0]],
];
const SCORES = [
  [[0.1, 0.6, 0.2, 0.1], [0.3, 0.3, 0.3, 0.1], [0.05, 0.05, 0.1, 0.8]],
  [[0.7, 0.1, 0.1, 0.1], [0.2, 0.2, 0.5, 0.1], [0.25, 0.25, 0.25, 0.25]],
];

describeEachBackend('categoricalCrossentropy on rank 3', () => {
  it('reduces the last axis by default, from probabilities and from logits', () => {
    const [targets, scores] = [tf.tensor3d(TARGETS), tf.tensor3d(SCORES)];
    const probabilityLoss = categoricalCrossentropy(targets, scores);
    const logitLoss = categoricalCrossentropy(targets, scores, { fromLogits: true });
    expect([probabilityLoss.shape, logitLoss.shape]).toEqual([[2, 3], [2, 3]]);
    const pairs = rowsAlong(TARGETS, 2).map((target, row) => [target, rowsAlong(SCORES, 2)[row]]);
    expectArraysClose(probabilityLoss, pairs.map(([t, p]) => fromProbabilities(t, p)), 1e-5);
    expectArraysClose(logitLoss, pairs.map(([t, z]) => fromLogits(t, z)), 1e-5);
    tf.dispose([targets, scores, probabilityLoss, logitLoss]);
  });

  it('reduces a middle axis, from probabilities and from logits', () => {
    const [targets, scores] = [tf.tensor3d(TARGETS), tf.tensor3d(SCORES)];
    const probabilityLoss = categoricalCrossentropy(targets, scores, { axis: 1 });
    const logitLoss = categoricalCrossentropy(targets, scores, { fromLogits: true, axis: 1 });
    expect([probabilityLoss.shape, logitLoss.shape]).toEqual([[2, 4], [2, 4]]);
    const pairs = rowsAlong(TARGETS, 1).map((target, row) => [target, rowsAlong(SCORES, 1)[row]]);
    expectArraysClose(probabilityLoss, pairs.map(([t, p]) => fromProbabilities(t, p)), 1e-5);
    expectArraysClose(logitLoss, pairs.map(([t, z]) => fromLogits(t, z)), 1e-5);
    tf.dispose([targets, scores, probabilityLoss, logitLoss]);
  });

  it('smooths over the classes of the axis reduced, 0 or positive', () => {
    const [targets, scores] = [tf.tensor3d(TARGETS), tf.tensor3d(SCORES)];
    for (const axis of [0, 1, 2]) {
      const classes = [2, 3, 4][axis];
      const loss = categoricalCrossentropy(targets, scores, { fromLogits: true, labelSmoothing: 0.3, axis });
      const pairs = rowsAlong(TARGETS, axis).map((target, row) => [target.map((t) => t * 0.7 + 0.3 / classes), rowsAlong(SCORES, axis)[row]]);
      expectArraysClose(loss, pairs.map(([t, z]) => fromLogits(t, z)), 1e-5);
      loss.dispose();
    }
    tf.dispose([targets, scores]);
  });
});

describeEachBackend('categoricalCrossentropy of a marked softmax output', () => {
  // Marked with its logits, a softmax output takes the fused path only for probabilities over the last axis.
  const logits = [
    [2, -1, 0.5],
    [0, 3, -2],
  ];
  const labels = [
    [0, 0, 1],
    [1, 0, 0],
  ];

  it('over the last axis named explicitly, reads the logits, unclipped', () => {
    // The output rounds to [0, 1, 0]: clipped probabilities would cost −log ε ≈ 16.1, the logits cost 30.
    const z = tf.tensor2d([[0, 30, 0]]);
    const output = markSoftmaxOutput(tf.softmax(z), z);
    const y = tf.tensor2d([[1, 0, 0]]);
    const loss = categoricalCrossentropy(y, output, { axis: 1 });
    expectArraysClose(loss, [fromLogits([1, 0, 0], [0, 30, 0])], 1e-4);
    tf.dispose([z, output, y, loss]);
  });

  // fromLogits: Keras's TensorFlow backend swaps in the logits (and warns), and so does Dendrite. Over axis 0 it
  // would swap them in too; its JAX and PyTorch backends do as Dendrite there: the output as given.
  it('fromLogits reads the softmax\'s logits, not the output, as Keras\'s TensorFlow backend', () => {
    const z = tf.tensor2d(logits);
    const output = markSoftmaxOutput(tf.softmax(z), z);
    const y = tf.tensor2d(labels);
    const loss = categoricalCrossentropy(y, output, { fromLogits: true });
    expectArraysClose(loss, labels.map((target, row) => fromLogits(target, logits[row])), 1e-5);
    tf.dispose([z, output, y, loss]);
  });

  it('over axis 0, renormalizes the output along that axis', () => {
    const z = tf.tensor2d(logits);
    const output = markSoftmaxOutput(tf.softmax(z), z);
    const y = tf.tensor2d([
      [0, 1, 0],
      [1, 0, 1],
    ]);
    const loss = categoricalCrossentropy(y, output, { axis: 0 });
    const probabilities = output.arraySync() as number[][];
    const columns = [0, 1, 2].map((column) => [probabilities[0][column], probabilities[1][column]]);
    const targets = [0, 1, 2].map((column) => [column === 1 ? 1 : 0, column === 1 ? 0 : 1]);
    expectArraysClose(loss, columns.map((p, column) => fromProbabilities(targets[column], p)), 1e-5);
    tf.dispose([z, output, y, loss]);
  });
});

describeEachBackend('categoricalCrossentropy argument names', () => {
  it('names yTrue, yPred and labelSmoothing', () => {
    expect(categoricalCrossentropy.name).toBe('categorical_crossentropy'); // Keras's name, as metrics and logs show it
    const ones = tf.ones([2, 3]);
    expect(() => categoricalCrossentropy([1] as never, ones)).toThrow('Expected yTrue to be a tf.Tensor, received [1] in loss "categorical_crossentropy"');
    expect(() => categoricalCrossentropy(ones, 'p' as never)).toThrow('Expected yPred to be a tf.Tensor, received "p" in loss "categorical_crossentropy"');
    expect(() => categoricalCrossentropy(ones, ones, { labelSmoothing: 1.5 })).toThrow('Expected labelSmoothing to be a number in [0, 1], received 1.5 in loss "categorical_crossentropy"');
    ones.dispose();
  });
});
