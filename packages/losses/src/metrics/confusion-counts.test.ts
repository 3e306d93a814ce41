import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { read } from '../testing/read';
import { type ConfusionCounts, bucketedConfusionCounts, confusionCounts } from './confusion-counts';

const readCounts = (counts: ConfusionCounts) => [read(counts.truePositives), read(counts.falsePositives), read(counts.trueNegatives), read(counts.falseNegatives)];
const owner = 'metric "m"';

describeEachBackend('confusion counts', () => {
  it('count as Keras’s docstring example, directly and by buckets', async () => {
    const yTrue = tf.tensor1d([0, 0, 1, 1]);
    const yPred = tf.tensor1d([0, 0.5, 0.3, 0.9]);
    const expected = [[2, 1, 0], [2, 0, 0], [0, 2, 2], [0, 1, 2]];
    expect(await expectNoLeakedTensors(() => readCounts(bucketedConfusionCounts(yTrue, yPred, 3, { owner })))).toEqual(expected);
    expect(await expectNoLeakedTensors(() => readCounts(confusionCounts(yTrue, yPred, [-1e-7, 0.5, 1 + 1e-7], { owner })))).toEqual(expected);
    tf.dispose([yTrue, yPred]);
  });

  it('weight samples, treat any nonzero label as positive, and clip bucketed scores to [0, 1]', () => {
    tf.tidy(() => {
      const yTrue = tf.tensor2d([[2], [0], [1], [0]]);
      const yPred = tf.tensor2d([[0.9], [0.8], [0.2], [1.5]]);
      const weights = tf.tensor1d([1, 2, 3, 4]);
      expect(readCounts(confusionCounts(yTrue, yPred, [0.5], { owner, sampleWeight: weights }))).toEqual([[1], [6], [0], [3]]);
      // 1.5 is clipped to 1, which is not above the last threshold 1 + ε.
      expect(readCounts(bucketedConfusionCounts(yTrue, yPred, 3, { owner }))).toEqual([[2, 1, 0], [2, 2, 0], [0, 0, 2], [0, 1, 2]]);
      expect(readCounts(confusionCounts(tf.zeros([0, 1]), tf.zeros([0, 1]), [0.5], { owner }))).toEqual([[0], [0], [0], [0]]);
      expect(readCounts(bucketedConfusionCounts(tf.zeros([0]), tf.zeros([0]), 2, { owner }))).toEqual([[0, 0], [0, 0], [0, 0], [0, 0]]);
    });
  });

  it('narrow to the top k scores or to one class', () => {
    tf.tidy(() => {
      const yTrue = tf.tensor2d([[0, 1, 0], [1, 0, 0]]);
      const yPred = tf.tensor2d([[0.2, 0.5, 0.3], [0.1, 0.6, 0.3]]);
      expect(readCounts(confusionCounts(yTrue, yPred, [-1e10], { owner, topK: 1 }))).toEqual([[1], [1], [3], [1]]);
      expect(readCounts(confusionCounts(yTrue, yPred, [0.4], { owner, classId: 1 }))).toEqual([[1], [1], [0], [0]]);
      expect(() => confusionCounts(yTrue, yPred, [0.5], { owner, classId: 3 })).toThrow(
        'Expected classId below the number of classes 3, received 3 for yPred of shape [2, 3] in metric "m"',
      );
    });
  });
});
