import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { runMetricTest } from '@dendrite/losses/testing';
import { sum } from '../testing/read';
import {
  Accuracy,
  BinaryAccuracy,
  CategoricalAccuracy,
  SparseCategoricalAccuracy,
  SparseTopKCategoricalAccuracy,
  TopKCategoricalAccuracy,
} from './accuracy-metrics';

const argMax = (row: number[]) => row.indexOf(Math.max(...row));
const weightedMean = (hits: number[], weights: number[]) => sum(hits.map((hit, i) => hit * weights[i])) / sum(weights);

describeEachBackend('accuracy metrics', () => {
  const classes = [2, 1, 0, 1, 2, 0, 1, 2, 0];
  const oneHot = classes.map((c) => [0, 1, 2].map((j) => (j === c ? 1 : 0)));
  const scores = [[0.1, 0.2, 0.7], [0.5, 0.4, 0.1], [0.6, 0.3, 0.1], [0.2, 0.3, 0.5], [0.1, 0.1, 0.8], [0.3, 0.4, 0.3], [0.3, 0.6, 0.1], [0.4, 0.5, 0.1], [0.9, 0.05, 0.05]];
  const weights = [1, 2, 0, 1, 0.5, 1, 3, 1, 1];
  const hits = classes.map((c, i) => (argMax(scores[i]) === c ? 1 : 0));
  const inTop2 = classes.map((c, i) => (scores[i].filter((s) => s > scores[i][c]).length < 2 ? 1 : 0));

  it('categorical and sparse categorical accuracy stream to the accuracy of the whole', async () => {
    const expected = sum(hits) / 9;
    expect(expected).toBeCloseTo(5 / 9, 6); // arg-maxes 2 0 0 2 2 1 1 1 0
    await runMetricTest({ makeMetric: () => new CategoricalAccuracy(), yTrue: oneHot, yPred: scores, expected, weights, expectedWeighted: weightedMean(hits, weights) });
    await runMetricTest({ makeMetric: () => new SparseCategoricalAccuracy(), yTrue: classes, yTrueDtype: 'int32', yPred: scores, expected, weights, expectedWeighted: weightedMean(hits, weights) });
    await runMetricTest({ makeMetric: () => new SparseCategoricalAccuracy(), yTrue: classes.map((c) => [c]), yPred: scores, expected });
  });

  it('top-k accuracies count the label among the k highest scores', async () => {
    const expected = sum(inTop2) / 9;
    await runMetricTest({ makeMetric: () => new TopKCategoricalAccuracy({ k: 2 }), yTrue: oneHot, yPred: scores, expected, weights, expectedWeighted: weightedMean(inTop2, weights) });
    await runMetricTest({ makeMetric: () => new SparseTopKCategoricalAccuracy({ k: 2 }), yTrue: classes, yPred: scores, expected });
    await runMetricTest({ makeMetric: () => new SparseTopKCategoricalAccuracy(), yTrue: classes, yPred: scores, expected: 1 });
  });

  it('binary accuracy thresholds each probability', async () => {
    const labels = [[1], [0], [1], [0], [1], [1], [0], [0], [1]];
    const probabilities = [[0.7], [0.2], [0.4], [0.6], [0.5], [0.51], [0.49], [0], [1]];
    const hitsAt = (threshold: number) => labels.map(([y], i) => (Number(probabilities[i][0] > threshold) === y ? 1 : 0));
    await runMetricTest({ makeMetric: () => new BinaryAccuracy(), yTrue: labels, yPred: probabilities, expected: sum(hitsAt(0.5)) / 9, weights, expectedWeighted: weightedMean(hitsAt(0.5), weights) });
    await runMetricTest({ makeMetric: () => new BinaryAccuracy({ threshold: 0.3, name: 'acc_30' }), yTrue: labels, yPred: probabilities, expected: sum(hitsAt(0.3)) / 9 });
    expect(() => new BinaryAccuracy({ threshold: 0 })).toThrow('Expected threshold to be a number in (0, 1), received 0 in metric "binary_accuracy"');
  });

  it('exact accuracy compares values', async () => {
    const labels = [[1], [2], [3], [4], [1], [2], [3], [4], [5]];
    const predicted = [[0], [2], [3], [4], [1], [1], [3], [0], [5]];
    await runMetricTest({ makeMetric: () => new Accuracy(), yTrue: labels, yPred: predicted, expected: 6 / 9 });
  });

  it('carries Keras names and configs', () => {
    const metrics = [new CategoricalAccuracy(), new TopKCategoricalAccuracy({ k: 3 }), new BinaryAccuracy({ threshold: 0.4 })];
    expect(metrics.map((metric) => metric.getConfig())).toEqual([{ name: 'categorical_accuracy' }, { name: 'top_k_categorical_accuracy', k: 3 }, { name: 'binary_accuracy', threshold: 0.4 }]);
    metrics.forEach((metric) => metric.dispose());
    expect(() => new SparseTopKCategoricalAccuracy({ k: 1.5, name: 'top' })).toThrow('Expected k to be an integer ≥ 1, received 1.5 in metric "top"');
  });
});
