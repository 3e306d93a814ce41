import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { runMetricTest } from '@dendrite/losses/testing';
import { sum } from '../testing/read';
import { Precision, Recall } from './precision-recall';

describeEachBackend('Precision and Recall', () => {
  const labels = [[1], [0], [1], [1], [0], [0], [1], [0], [1]];
  const scores = [[0.9], [0.6], [0.4], [0.8], [0.1], [0.7], [0.55], [0.3], [0.2]];
  const weights = [1, 2, 0, 1, 0.5, 1, 3, 1, 1];
  /** [TP, FP, FN] at a threshold, weighted. */
  const counts = (threshold: number, w: number[] = labels.map(() => 1)) => {
    const [tp, fp, fn] = [0, 0, 0].map((_, kind) =>
      sum(labels.map(([y], i) => {
        const predicted = scores[i][0] > threshold;
        const hit = kind === 0 ? predicted && y === 1 : kind === 1 ? predicted && y === 0 : !predicted && y === 1;
        return hit ? w[i] : 0;
      })),
    );
    return { tp, fp, fn };
  };
  const precision = (c: ReturnType<typeof counts>) => c.tp / (c.tp + c.fp);
  const recall = (c: ReturnType<typeof counts>) => c.tp / (c.tp + c.fn);

  it('precision streams TP / (TP + FP) at 0.5 or several thresholds', async () => {
    expect(counts(0.5)).toEqual({ tp: 3, fp: 2, fn: 2 });
    await runMetricTest({ makeMetric: () => new Precision(), yTrue: labels, yPred: scores, expected: 3 / 5, weights, expectedWeighted: precision(counts(0.5, weights)) });
    await runMetricTest({ makeMetric: () => new Precision({ thresholds: [0.3, 0.75] }), yTrue: labels, yPred: scores, expected: [precision(counts(0.3)), precision(counts(0.75))] });
  });

  it('recall streams TP / (TP + FN)', async () => {
    await runMetricTest({ makeMetric: () => new Recall(), yTrue: labels, yPred: scores, expected: 3 / 5, weights, expectedWeighted: recall(counts(0.5, weights)) });
    await runMetricTest({ makeMetric: () => new Recall({ thresholds: 0.15 }), yTrue: labels, yPred: scores, expected: 1 });
  });

  it('narrows to the top k scores or one class', async () => {
    const oneHot = [[0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0], [1, 0, 0], [0, 0, 1]];
    const probabilities = [[0.2, 0.5, 0.3], [0.1, 0.6, 0.3], [0.3, 0.3, 0.4], [0.6, 0.3, 0.1], [0.8, 0.1, 0.1], [0.2, 0.2, 0.6], [0.1, 0.7, 0.2], [0.5, 0.4, 0.1], [0.4, 0.2, 0.4]];
    // Top-1 precision: each row predicts its arg-max (the tie in the last row keeps its first index).
    const top1Hits = [1, 0, 1, 0, 1, 1, 1, 1, 0];
    await runMetricTest({ makeMetric: () => new Precision({ topK: 1 }), yTrue: oneHot, yPred: probabilities, expected: sum(top1Hits) / 9 });
    // Class 1 above 0.5: predicted in rows 1 and 6 (row 0's 0.5 is not above); truly class 1 in rows 0, 3, 6.
    await runMetricTest({ makeMetric: () => new Recall({ classId: 1 }), yTrue: oneHot, yPred: probabilities, expected: 1 / 3 });
    await runMetricTest({ makeMetric: () => new Precision({ classId: 1 }), yTrue: oneHot, yPred: probabilities, expected: 1 / 2 });
  });

  it('names bad arguments and round-trips Keras configs', () => {
    expect(() => new Precision({ thresholds: 1.5 })).toThrow('Expected thresholds to be a number in [0, 1], received 1.5 in metric "precision"');
    expect(() => new Recall({ thresholds: [0.2, -0.1] })).toThrow('Expected thresholds[1] to be a number in [0, 1], received -0.1 in metric "recall"');
    expect(() => new Recall({ thresholds: [] })).toThrow('Expected thresholds to be a number or a non-empty list in [0, 1], received [] in metric "recall"');
    expect(() => new Precision({ topK: 0 })).toThrow('Expected topK to be an integer ≥ 1, received 0 in metric "precision"');
    const precision = Precision.fromConfig({ name: 'p', thresholds: null, top_k: 2, class_id: null });
    expect(precision.getConfig()).toEqual({ name: 'p', thresholds: null, top_k: 2, class_id: null });
    precision.dispose();
    const before = tf.memory().numTensors;
    new Recall().dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
