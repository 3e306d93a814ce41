import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { runLossTest } from '@dendrite/losses/testing';
import { clipProbability, read, softmax, sum } from '../testing/read';
import { categoricalCrossentropy } from './categorical-crossentropy';
import { SparseCategoricalCrossentropy, sparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';

const scce = (label: number, p: number[]) => -Math.log(clipProbability(p[label] / sum(p)));
const scceFromLogits = (label: number, x: number[]) => -Math.log(softmax(x)[label]);
/** log softmax, stable for logits of ±100. */
const logSoftmax = (x: number[]) => {
  const top = Math.max(...x);
  const logSum = top + Math.log(sum(x.map((xi) => Math.exp(xi - top))));
  return x.map((xi) => xi - logSum);
};

describeEachBackend('sparseCategoricalCrossentropy', () => {
  const labels = [1, 2, 0, 1, 2];
  const probabilities = [[0.05, 0.95, 0], [0.1, 0.8, 0.1], [0, 1, 0], [0.2, 0.3, 0.5], [1, 1, 2]];
  const expected = labels.map((label, i) => scce(label, probabilities[i]));

  it('takes int32 or float32 labels of shape [batch] or [batch, 1]', async () => {
    expectArraysClose(expected.slice(0, 2), [0.0513, 2.303], 1e-3); // Keras's docstring example
    const makeLoss = (args: object) => new SparseCategoricalCrossentropy(args);
    await runLossTest({ makeLoss, lossFunction: sparseCategoricalCrossentropy, yTrue: labels, yTrueDtype: 'int32', yPred: probabilities, expected });
    await runLossTest({ makeLoss, yTrue: labels, yPred: probabilities, expected });
    await runLossTest({ makeLoss, yTrue: labels.map((label) => [label]), yTrueDtype: 'int32', yPred: probabilities, expected });
  });

  it('from logits, ±100 included, agreeing with the categorical loss on one-hot labels', async () => {
    const logits = [[2, -1, 0.5], [100, -100, 0], [-100, 100, 3], [1, 2, 3], [0, 0, 0]];
    await runLossTest({
      makeLoss: (args) => new SparseCategoricalCrossentropy({ ...args, fromLogits: true }),
      lossFunction: (t, p) => sparseCategoricalCrossentropy(t, p, { fromLogits: true }),
      yTrue: labels,
      yTrueDtype: 'int32',
      yPred: logits,
      expected: labels.map((label, i) => -logSoftmax(logits[i])[label]),
    });
    const sparse = tf.tensor1d(labels, 'int32');
    const oneHot = tf.oneHot(sparse, 3);
    const x = tf.tensor2d(logits);
    expectArraysClose(read(sparseCategoricalCrossentropy(sparse, x, { fromLogits: true })), read(categoricalCrossentropy(oneHot, x, { fromLogits: true })), 1e-6);
    expectArraysClose(read(sparseCategoricalCrossentropy(sparse, tf.softmax(x))), labels.map((label, i) => scceFromLogits(label, logits[i])).map((v) => Math.min(v, -Math.log(1e-7))), 1e-4);
    tf.dispose([sparse, oneHot, x]);
  });

  it('has finite gradients for logits of ±100', async () => {
    const targets = tf.tensor1d([1, 0], 'int32');
    const logits = tf.tensor2d([[100, -100, 0], [-100, 100, 100]]);
    const loss = new SparseCategoricalCrossentropy({ fromLogits: true, reduction: 'sum' });
    const gradient = await expectNoLeakedTensors(() => read(tf.grad((x: tf.Tensor) => loss.apply(targets, x))(logits)));
    expectArraysClose(gradient, [1, -1, 0, -1, 0.5, 0.5], 1e-6);
    tf.dispose([targets, logits]);
  });

  it('leaves ignoreClass out: its loss is 0 and the mean is over the other samples', async () => {
    const withVoid = [1, -1, 0, 255, 2];
    const logits = tf.tensor2d([[1, 2, 3], [4, 5, 6], [0, 0, 1], [2, 2, 2], [3, 1, 0]]);
    const targets = tf.tensor1d(withVoid, 'int32');
    const rows = logits.arraySync() as number[][];
    const kept = [0, 2, 4].map((i) => scceFromLogits(withVoid[i], rows[i]));
    const loss = (reduction: 'none' | 'sum' | 'sum_over_batch_size', ignoreClass: number) => new SparseCategoricalCrossentropy({ fromLogits: true, ignoreClass, reduction });
    const none = await expectNoLeakedTensors(() => read(loss('none', -1).apply(targets, logits)));
    // −1 is ignored; 255 is not, but lies outside the 3 classes, so tfjs's oneHot gives it 0 too.
    expectArraysClose(none, [kept[0], 0, kept[1], 0, kept[2]], 1e-5);
    const voidTargets = tf.tensor1d([1, 255, 0, 255, 2], 'int32');
    expectArraysClose(read(loss('sum_over_batch_size', 255).apply(voidTargets, logits)), [sum(kept) / 3], 1e-5);
    expectArraysClose(read(loss('sum', 255).apply(voidTargets, logits)), [sum(kept)], 1e-5);
    const weights = tf.tensor1d([2, 5, 1, 5, 0.5]);
    expectArraysClose(read(loss('sum_over_batch_size', 255).apply(voidTargets, logits, weights)), [(2 * kept[0] + kept[1] + 0.5 * kept[2]) / 3], 1e-5);
    const everythingIgnored = tf.fill([5], 255, 'int32');
    expect(read(loss('sum_over_batch_size', 255).apply(everythingIgnored, logits))).toEqual([0]);
    expect(new SparseCategoricalCrossentropy({ ignoreClass: 255 }).getConfig()).toEqual({
      name: 'sparse_categorical_crossentropy',
      reduction: 'sum_over_batch_size',
      from_logits: false,
      ignore_class: 255,
    });
    tf.dispose([logits, targets, voidTargets, weights, everythingIgnored]);
  });

  it('names labels that do not go with the predictions', () => {
    expect(() => sparseCategoricalCrossentropy(tf.zeros([3]), tf.zeros([4, 2]))).toThrow(
      'Expected yTrue of shape [4] or [4, 1] (integer labels) to go with yPred of shape [4, 2], received [3] in loss "sparse_categorical_crossentropy"',
    );
    expect(() => sparseCategoricalCrossentropy(tf.zeros([4, 2]), tf.zeros([4, 2]))).toThrow(/received \[4, 2\]/);
    expect(() => new SparseCategoricalCrossentropy({ ignoreClass: 0.5 })).toThrow(
      'Expected ignoreClass to be an integer or null, received 0.5 in loss "sparse_categorical_crossentropy"',
    );
  });
});
