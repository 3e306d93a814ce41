import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { runLossTest } from '@dendrite/losses/testing';
import { read, sum } from '../testing/read';
import { CosineSimilarity, cosineSimilarity } from './cosine-similarity';

const cosine = (a: number[], b: number[]) => {
  const norm = (v: number[]) => Math.hypot(...v);
  return norm(a) === 0 || norm(b) === 0 ? 0 : sum(a.map((x, j) => x * b[j])) / (norm(a) * norm(b));
};

describeEachBackend('cosineSimilarity', () => {
  it('equals −cos(y, ŷ): −1 for the same direction, 0 for orthogonal or zero vectors', async () => {
    const yTrue = [[0, 1], [1, 1], [1, 1], [3, 4], [0, 0]];
    const yPred = [[1, 0], [1, 1], [-1, -1], [1, 2], [1, 2]];
    const expected = yTrue.map((row, i) => -cosine(row, yPred[i]));
    expectArraysClose(expected.slice(0, 3), [0, -1, 1], 1e-6); // Keras's docstring example
    await runLossTest({ makeLoss: (args) => new CosineSimilarity(args), lossFunction: cosineSimilarity, yTrue, yPred, expected });
  });

  it('works along another axis, and a zero vector has a finite gradient', async () => {
    const a = tf.tensor2d([[1, 0], [2, 1]]);
    const b = tf.tensor2d([[1, 1], [0, 1]]);
    expectArraysClose(read(cosineSimilarity(a, b, { axis: 0 })), [-cosine([1, 2], [1, 0]), -cosine([0, 1], [1, 1])], 1e-6);
    const zero = tf.zeros([1, 2]);
    const gradient = await expectNoLeakedTensors(() => read(tf.grad((x: tf.Tensor) => new CosineSimilarity().apply(tf.ones([1, 2]), x))(zero)));
    expect(gradient.every(Number.isFinite)).toBe(true);
    expect(new CosineSimilarity({ axis: 0 }).getConfig()).toEqual({ name: 'cosine_similarity', reduction: 'sum_over_batch_size', axis: 0 });
    tf.dispose([a, b, zero]);
  });
});
