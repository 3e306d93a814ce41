import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { runMetricTest } from '@dendrite/losses/testing';
import { IoU } from './iou';
import { BinaryIoU, MeanIoU, OneHotIoU, OneHotMeanIoU } from './iou-variants';
import { get, serialize } from './get-metric';
import type { Metric } from './metric';

const EPS = 1e-7;
const labels = [0, 1, 2, 2, 1, 0, 1, 2, 0];
const predictions = [0, 1, 1, 2, 0, 0, 1, 2, 2];
const weights = [1, 2, 0.5, 1, 3, 1, 0, 2, 1];

/** By hand: the weighted confusion matrix [true][predicted], then TP / (row + column − TP) averaged over present targets. */
function iou(t: number[], p: number[], targets: number[], w: number[] = t.map(() => 1), classes = 3, ignore?: number): number {
  const cm = Array.from({ length: classes }, () => new Array(classes).fill(0));
  t.forEach((label, i) => {
    if (label !== ignore) cm[label][p[i]] += w[i];
  });
  let total = 0;
  let present = 0;
  for (const c of targets) {
    const row = cm[c].reduce((a, b) => a + b, 0);
    const column = cm.reduce((a, r) => a + r[c], 0);
    const denominator = row + column - cm[c][c];
    if (denominator > 1e-9) present++;
    total += cm[c][c] / (denominator + EPS);
  }
  return total / (present + EPS);
}
const oneHot = (ids: number[]) => ids.map((id) => [0, 1, 2].map((c) => (c === id ? 1 : 0)));
const scores = (ids: number[]) => ids.map((id) => [0, 1, 2].map((c) => (c === id ? 0.6 : 0.2)));

describeEachBackend('IoU, MeanIoU, BinaryIoU, OneHotIoU, OneHotMeanIoU', () => {
  it("equal Keras's docstring values", () => {
    const check = (metric: Metric, yTrue: number[] | number[][], yPred: number[] | number[][], expected: number, sampleWeight?: number[]) => {
      tf.tidy(() => metric.updateState(tf.tensor(yTrue), tf.tensor(yPred), sampleWeight ? tf.tensor1d(sampleWeight) : undefined));
      expect(metric.resultValue()).toBeCloseTo(expected, 3);
      metric.dispose();
    };
    check(new IoU({ numClasses: 2, targetClassIds: [0] }), [0, 0, 1, 1], [0, 1, 0, 1], 0.33333334, [0.3, 0.3, 0.3, 0.1]);
    check(new MeanIoU({ numClasses: 2 }), [0, 0, 1, 1], [0, 1, 0, 1], 0.23809525, [0.3, 0.3, 0.3, 0.1]);
    check(new BinaryIoU({ targetClassIds: [0, 1], threshold: 0.3 }), [0, 1, 0, 1], [0.1, 0.2, 0.4, 0.7], 0.17361112, [0.2, 0.3, 0.4, 0.1]);
    const yTrue = [[0, 0, 1], [1, 0, 0], [0, 1, 0], [1, 0, 0]];
    const yPred = [[0.2, 0.3, 0.5], [0.1, 0.2, 0.7], [0.5, 0.3, 0.1], [0.1, 0.4, 0.5]];
    check(new OneHotIoU({ numClasses: 3, targetClassIds: [0, 2] }), yTrue, yPred, 0.071, [0.1, 0.2, 0.3, 0.4]);
    check(new OneHotMeanIoU({ numClasses: 3 }), yTrue, yPred, 0.048, [0.1, 0.2, 0.3, 0.4]);
  });

  it('IoU and MeanIoU accumulate a weighted confusion matrix over batches, leaving out ignoreClass', async () => {
    const yPred = predictions.map((p) => [p]);
    await runMetricTest({ makeMetric: () => new IoU({ numClasses: 3, targetClassIds: [1, 2] }), yTrue: labels, yPred, expected: iou(labels, predictions, [1, 2]), weights, expectedWeighted: iou(labels, predictions, [1, 2], weights) });
    await runMetricTest({ makeMetric: () => new MeanIoU({ numClasses: 3 }), yTrue: labels, yPred, expected: iou(labels, predictions, [0, 1, 2]), weights, expectedWeighted: iou(labels, predictions, [0, 1, 2], weights) });
    await runMetricTest({ makeMetric: () => new MeanIoU({ numClasses: 3, ignoreClass: 2 }), yTrue: labels, yPred, expected: iou(labels, predictions, [0, 1, 2], undefined, 3, 2), weights, expectedWeighted: iou(labels, predictions, [0, 1, 2], weights, 3, 2) });
  });

  it('BinaryIoU thresholds scores (≥ threshold is class 1)', async () => {
    const binary = [0, 1, 1, 0, 1, 0, 1, 1, 0];
    const probabilities = [0.2, 0.7, 0.4, 0.5, 0.9, 0.1, 0.6, 0.3, 0.45];
    const predicted = probabilities.map((p) => (p >= 0.45 ? 1 : 0));
    await runMetricTest({ makeMetric: () => new BinaryIoU({ threshold: 0.45 }), yTrue: binary, yPred: probabilities.map((p) => [p]), expected: iou(binary, predicted, [0, 1], undefined, 2), weights, expectedWeighted: iou(binary, predicted, [0, 1], weights, 2) });
  });

  it('OneHotIoU and OneHotMeanIoU take one-hot labels and scores through argmax', async () => {
    await runMetricTest({ makeMetric: () => new OneHotIoU({ numClasses: 3, targetClassIds: [0] }), yTrue: oneHot(labels), yPred: scores(predictions), expected: iou(labels, predictions, [0]), weights, expectedWeighted: iou(labels, predictions, [0], weights) });
    await runMetricTest({ makeMetric: () => new OneHotMeanIoU({ numClasses: 3 }), yTrue: oneHot(labels), yPred: scores(predictions), expected: iou(labels, predictions, [0, 1, 2]), weights, expectedWeighted: iou(labels, predictions, [0, 1, 2], weights) });
  });

  it('save the Keras 3 config keys and load by class name and Keras name', () => {
    const metrics = [new IoU({ numClasses: 3, targetClassIds: [1], ignoreClass: 0 }), new MeanIoU({ numClasses: 4 }), new BinaryIoU({ threshold: 0.7 }), new OneHotIoU({ numClasses: 3, targetClassIds: [2] }), new OneHotMeanIoU({ numClasses: 2 })];
    expect(metrics.map((m) => m.name)).toEqual(['io_u', 'mean_io_u', 'binary_io_u', 'one_hot_io_u', 'one_hot_mean_io_u']);
    expect(serialize(metrics[1])).toEqual({ class_name: 'MeanIoU', config: { name: 'mean_io_u', num_classes: 4, ignore_class: null, sparse_y_true: true, sparse_y_pred: true, axis: -1 } });
    expect(serialize(metrics[2])).toEqual({ class_name: 'BinaryIoU', config: { name: 'binary_io_u', target_class_ids: [0, 1], threshold: 0.7 } });
    expect(Object.keys(serialize(metrics[3]).config)).not.toContain('sparse_y_true');
    for (const metric of metrics) {
      const loaded = get(serialize(metric));
      expect(loaded).toBeInstanceOf(metric.constructor);
      expect(loaded.getConfig()).toEqual(metric.getConfig());
      loaded.dispose();
      metric.dispose();
    }
    const binary = get('binary_io_u');
    expect(binary).toBeInstanceOf(BinaryIoU);
    binary.dispose();
  });

  it('refuses what Keras refuses, naming the argument', () => {
    expect(() => new IoU({ numClasses: 2, targetClassIds: [2] })).toThrow('Expected targetClassIds in [0, 2), received 2 in metric "io_u"');
    expect(() => new MeanIoU({ numClasses: 0 })).toThrow('Expected numClasses to be an integer ≥ 1, received 0 in metric "mean_io_u"');
    expect(() => new MeanIoU({ numClasses: 2, targetClassIds: [0] } as never)).toThrow(TypeError);
    expect(() => new BinaryIoU({ numClasses: 3 } as never)).toThrow(TypeError);
    expect(() => new OneHotIoU({ numClasses: 2, targetClassIds: [0], sparse_y_pred: true } as never)).toThrow('did you mean "sparseYPred"?');
  });
});
