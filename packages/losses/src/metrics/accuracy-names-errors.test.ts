import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { read } from '../testing/read';
import {
  accuracy,
  binaryAccuracy,
  categoricalAccuracy,
  sparseCategoricalAccuracy,
  sparseTopKCategoricalAccuracy,
  topKCategoricalAccuracy,
} from './accuracy-functions';
import {
  Accuracy,
  BinaryAccuracy,
  CategoricalAccuracy,
  SparseCategoricalAccuracy,
  SparseTopKCategoricalAccuracy,
  TopKCategoricalAccuracy,
} from './accuracy-metrics';
import type { Metric } from './metric';

describe('the accuracies’ Keras names and errors', () => {
  it('name each metric object as Keras does by default', () => {
    const metrics: Metric[] = [new Accuracy(), new BinaryAccuracy(), new CategoricalAccuracy(), new SparseCategoricalAccuracy(), new TopKCategoricalAccuracy(), new SparseTopKCategoricalAccuracy()];
    expect(metrics.map((metric) => metric.name)).toEqual([
      'accuracy',
      'binary_accuracy',
      'categorical_accuracy',
      'sparse_categorical_accuracy',
      'top_k_categorical_accuracy',
      'sparse_top_k_categorical_accuracy',
    ]);
    expect(metrics.map((metric) => (metric as Metric & { k?: number }).k)).toEqual([undefined, undefined, undefined, undefined, 5, 5]);
    expect((metrics[1] as BinaryAccuracy).threshold).toBe(0.5);
    metrics.forEach((metric) => metric.dispose());
  });

  it('name the shapes they cannot pair, and the metric', () => {
    tf.tidy(() => {
      const message = (a: string, b: string, name: string) => new Error(`Expected yTrue and yPred to have compatible shapes, received [${a}] and [${b}] in metric "${name}"`);
      expect(() => accuracy(tf.zeros([2, 1]), tf.zeros([2, 3]))).toThrow(message('2, 1', '2, 3', 'accuracy'));
      expect(() => binaryAccuracy(tf.zeros([2, 1]), tf.zeros([2, 3]))).toThrow(message('2, 1', '2, 3', 'binary_accuracy'));
      expect(() => topKCategoricalAccuracy(tf.zeros([2, 2]), tf.zeros([2, 3]))).toThrow(message('2, 2', '2, 3', 'top_k_categorical_accuracy'));
      expect(() => categoricalAccuracy(tf.zeros([2, 2]), tf.zeros([2, 3]))).toThrow(message('2, 2', '2, 3', 'categorical_accuracy'));
      expect(() => sparseTopKCategoricalAccuracy(tf.zeros([3]), tf.zeros([2, 3]))).toThrow(
        new Error('Expected yTrue of shape [2] or [2, 1] (integer labels) to go with yPred of shape [2, 3], received [3] in metric "sparse_top_k_categorical_accuracy"'),
      );
      expect(() => categoricalAccuracy([0, 1] as never, tf.zeros([2, 3]))).toThrow(new Error('Expected yTrue to be a tf.Tensor, received [0,1] in metric "categorical_accuracy"'));
      expect(() => categoricalAccuracy(tf.zeros([2, 3]), 'p' as never)).toThrow(new Error('Expected yPred to be a tf.Tensor, received "p" in metric "categorical_accuracy"'));
    });
  });

  it('refuse options in place of yTrue, misspelt options and bad values, naming the function', () => {
    const p = tf.fill([2, 3], 1 / 3);
    const misplaced = (fn: string, cls: string, options: string) =>
      new TypeError(`Expected ${fn}(yTrue, yPred, options?), received the options ${options} in place of yTrue: pass them third, or make ${cls} with them (new ${cls}(options))`);
    expect(() => binaryAccuracy({ threshold: 0.3 } as never, p)).toThrow(misplaced('binaryAccuracy', 'BinaryAccuracy', '{"threshold":0.3}'));
    expect(() => topKCategoricalAccuracy({ k: 2 } as never, p)).toThrow(misplaced('topKCategoricalAccuracy', 'TopKCategoricalAccuracy', '{"k":2}'));
    expect(() => sparseTopKCategoricalAccuracy({ k: 2 } as never, p)).toThrow(misplaced('sparseTopKCategoricalAccuracy', 'SparseTopKCategoricalAccuracy', '{"k":2}'));
    expect(() => sparseTopKCategoricalAccuracy(tf.zeros([2]), p, { k: 0 })).toThrow(new RangeError('Expected k to be an integer ≥ 1, received 0 in metric "sparse_top_k_categorical_accuracy"'));
    expect(() => binaryAccuracy(p, p, { threshold: 0 })).toThrow(new RangeError('Expected threshold to be a number in (0, 1), received 0 in metric "binary_accuracy"'));
    expect(() => new TopKCategoricalAccuracy({ k: 0 })).toThrow(new RangeError('Expected k to be an integer ≥ 1, received 0 in metric "top_k_categorical_accuracy"'));
    expect(() => new BinaryAccuracy({ threshold: 1, name: 'b' })).toThrow(new RangeError('Expected threshold to be a number in (0, 1), received 1 in metric "b"'));
    p.dispose();
  });
});

describeEachBackend('top-k accuracy on rank 3', () => {
  it('ranks along the last axis', () => {
    // [2, 2, 3]: the label's score against the others of its row, not of its column.
    const scores = tf.tensor3d([[[0.1, 0.5, 0.4], [0.7, 0.2, 0.1]], [[0.3, 0.3, 0.4], [0.2, 0.1, 0.7]]]);
    const labels = tf.tensor2d([[2, 1], [0, 0]], [2, 2], 'int32');
    // Scores above the label's: [1, 1], [1, 1] → within the top 2 everywhere; within the top 1 nowhere.
    expect(read(sparseTopKCategoricalAccuracy(labels, scores, { k: 2 }))).toEqual([1, 1, 1, 1]);
    expect(read(sparseTopKCategoricalAccuracy(labels, scores, { k: 1 }))).toEqual([0, 0, 0, 0]);
    const oneHot = tf.oneHot(labels, 3);
    expect(read(topKCategoricalAccuracy(oneHot, scores, { k: 1 }))).toEqual([0, 0, 0, 0]);
    expect(read(sparseCategoricalAccuracy(tf.tensor2d([[1, 0], [2, 2]], [2, 2], 'int32'), scores))).toEqual([1, 1, 1, 1]);
    tf.dispose([scores, labels, oneHot]);
  });
});
