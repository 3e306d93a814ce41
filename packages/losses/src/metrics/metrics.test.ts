import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { get, resolveAccuracy } from './get-metric';
import { AUC } from './auc';
import { Precision, Recall } from './confusion-metrics';
import { Mean } from './metric';
import { RootMeanSquaredError, TopKCategoricalAccuracy } from './metric-classes';
import type { Metric } from './metric';

/** Feeds batches to a metric and reads its result once. */
function stream(metric: Metric, batches: Array<[number[][] | number[], number[][], number[]?]>): number {
  for (const [t, p, w] of batches) {
    tf.tidy(() => metric.updateState(tf.tensor(t), tf.tensor2d(p), w ? tf.tensor1d(w) : undefined));
  }
  return metric.resultValue();
}

describeEachBackend('metrics', () => {
  it('accuracy streams over uneven batches to the accuracy of the whole', async () => {
    const labels = [[0, 0, 1], [0, 1, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]];
    const scores = labels.map((row, i) => (i % 3 === 0 ? [...row].reverse() : row.map((x) => x * 0.8 + 0.1)));
    const correct = scores.filter((row, i) => row.indexOf(Math.max(...row)) === labels[i].indexOf(1)).length;
    const metric = get('accuracy', { yTrueShape: [9, 3], yPredShape: [9, 3] });
    expect(metric.className).toBe('CategoricalAccuracy');
    stream(metric, [[labels.slice(0, 3), scores.slice(0, 3)]]);
    await expectNoLeakedTensors(() => stream(metric, [[labels.slice(3, 4), scores.slice(3, 4)]]));
    const value = stream(metric, [[labels.slice(4), scores.slice(4)]]);
    expect(value).toBeCloseTo(correct / 9, 6);
    await expectNoLeakedTensors(() => metric.resetState());
    expect(metric.resultValue()).toBe(0);
    metric.dispose();
  });

  it('binary, sparse and top-k accuracies count as hand computed', () => {
    expect(stream(get('binary_accuracy'), [[[[1], [0], [1], [0]], [[0.7], [0.2], [0.4], [0.6]]]])).toBeCloseTo(0.5, 6);
    expect(stream(get('sparse_categorical_accuracy'), [[[2, 0, 1], [[0.1, 0.2, 0.7], [0.5, 0.4, 0.1], [0.6, 0.3, 0.1]]]])).toBeCloseTo(2 / 3, 6);
    const topTwo = new TopKCategoricalAccuracy({ k: 2 });
    expect(stream(topTwo, [[[[0, 0, 1], [1, 0, 0]], [[0.5, 0.3, 0.2], [0.2, 0.3, 0.5]]]])).toBeCloseTo(0, 6);
    topTwo.resetState();
    expect(stream(topTwo, [[[[0, 1, 0]], [[0.5, 0.3, 0.2]]]])).toBeCloseTo(1, 6);
  });

  it('mae, mse, rmse and the mean weight their samples', () => {
    const t = [[1], [2], [4]];
    const p = [[2], [2], [2]]; // errors 1, 0, 2
    expect(stream(get('mae'), [[t, p]])).toBeCloseTo(1, 6);
    expect(stream(get('mse'), [[t, p]])).toBeCloseTo(5 / 3, 6);
    expect(stream(new RootMeanSquaredError(), [[t, p]])).toBeCloseTo(Math.sqrt(5 / 3), 6);
    expect(stream(get('mae'), [[t, p, [1, 1, 2]]])).toBeCloseTo((1 + 0 + 4) / 4, 6);
    const mean = new Mean();
    tf.tidy(() => mean.updateState(tf.tensor1d([1, 2, 3])));
    tf.tidy(() => mean.updateState(tf.tensor1d([10])));
    expect(mean.resultValue()).toBeCloseTo(4, 6);
  });

  it('precision, recall and AUC equal a hand-computed case', () => {
    const t = [[1], [0], [1], [1], [0]];
    const p = [[0.9], [0.6], [0.4], [0.8], [0.1]];
    // At 0.5: predicted positive = 0.9, 0.6, 0.8 → TP 2, FP 1, FN 1.
    expect(stream(new Precision(), [[t, p]])).toBeCloseTo(2 / 3, 6);
    expect(stream(new Recall(), [[t, p]])).toBeCloseTo(2 / 3, 6);
    // ROC AUC = P(score of a positive > score of a negative) = (2 + 1 + 2) / 6 pairs.
    expect(stream(new AUC({ numThresholds: 1000 }), [[t, p]])).toBeCloseTo(5 / 6, 2);
    const perfect = stream(new AUC(), [[t, [[0.9], [0.1], [0.8], [0.7], [0.2]]]]);
    expect(perfect).toBeCloseTo(1, 3);
    const pr = stream(new AUC({ curve: 'PR', numThresholds: 1000 }), [[t, [[0.9], [0.1], [0.8], [0.7], [0.2]]]]);
    expect(pr).toBeCloseTo(1, 2);
  });

  it('uses a loss name as a metric, and names what it does not know', () => {
    const metric = get('binary_crossentropy');
    expect(metric.name).toBe('binary_crossentropy');
    const value = stream(metric, [[[[1], [0]], [[0.8], [0.4]]]]);
    expect(value).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 5);
    expect(() => get('acuracy')).toThrow(/^Unknown metric "acuracy": expected accuracy, acc, one of BinaryAccuracy/);
    expect(() => new AUC({ curve: 'XY' as never })).toThrow('Expected curve to be ROC or PR, received "XY" in metric "auc"');
    expect(() => new Precision({ thresholds: 1.5 })).toThrow('Expected thresholds in [0, 1], received 1.5 in metric "precision"');
    expect(() => new TopKCategoricalAccuracy({ k: 0 })).toThrow('Expected k to be an integer ≥ 1, received 0 in metric "top_k_categorical_accuracy"');
  });
});

it('resolves accuracy from the loss and the shapes, as Keras', () => {
  expect(resolveAccuracy({ lossName: 'binary_crossentropy' })).toBe('binary');
  expect(resolveAccuracy({ lossName: 'sparse_categorical_crossentropy' })).toBe('sparse_categorical');
  expect(resolveAccuracy({ lossName: 'categorical_crossentropy' })).toBe('categorical');
  expect(resolveAccuracy({ yTrueShape: [32, 1], yPredShape: [32, 1] })).toBe('binary');
  expect(resolveAccuracy({ yTrueShape: [32], yPredShape: [32, 10] })).toBe('sparse_categorical');
  expect(resolveAccuracy({ yTrueShape: [32, 1], yPredShape: [32, 10] })).toBe('sparse_categorical');
  expect(resolveAccuracy({ yTrueShape: [32, 10], yPredShape: [32, 10] })).toBe('categorical');
  expect(get('acc').name).toBe('acc');
});
