import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { read } from '../testing/read';
import { type ConfusionCounts, confusionCounts } from './confusion-counts';

const readCounts = (counts: ConfusionCounts) => [read(counts.truePositives), read(counts.falsePositives), read(counts.trueNegatives), read(counts.falseNegatives)];
const owner = 'metric "m"';

describeEachBackend('confusion counts at the edges', () => {
  it('weight the samples of one class, and take a top k larger than the classes as all of them', () => {
    tf.tidy(() => {
      const yTrue = tf.tensor2d([[0, 1, 0], [1, 0, 0], [0, 1, 0]]);
      const yPred = tf.tensor2d([[0.2, 0.5, 0.3], [0.1, 0.6, 0.3], [0.3, 0.3, 0.4]]);
      const weights = tf.tensor1d([2, 3, 5]);
      // Class 1 above 0.4: rows 0 (a positive, weight 2) and 1 (a negative, weight 3); row 2 a positive missed (weight 5).
      expect(readCounts(confusionCounts(yTrue, yPred, [0.4], { owner, classId: 1, sampleWeight: weights }))).toEqual([[2], [3], [0], [5]]);
      // topK 5 of 3 classes keeps every score: as without topK.
      expect(readCounts(confusionCounts(yTrue, yPred, [0.25], { owner, topK: 5 }))).toEqual(readCounts(confusionCounts(yTrue, yPred, [0.25], { owner })));
    });
  });

  it('name a classId on predictions without a class axis, and an unknown option', () => {
    tf.tidy(() => {
      expect(() => confusionCounts(tf.tensor1d([0, 1]), tf.tensor1d([0.2, 0.8]), [0.5], { owner, classId: 0 })).toThrow(
        new Error('Expected classId below the number of classes (yPred of shape [batch, classes]), received 0 for yPred of shape [2] in metric "m"'),
      );
      expect(() => confusionCounts(tf.tensor1d([0, 1]), tf.tensor1d([0.2, 0.8]), [0.5], { owner, topk: 1 } as never)).toThrow('Unknown option "topk" in confusionCounts: did you mean "topK"?');
    });
  });
});
