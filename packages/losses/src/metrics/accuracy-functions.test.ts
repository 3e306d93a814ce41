import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { read } from '../testing/read';
import {
  accuracy,
  binaryAccuracy,
  categoricalAccuracy,
  sparseCategoricalAccuracy,
  sparseTopKCategoricalAccuracy,
  topKCategoricalAccuracy,
} from './accuracy-functions';

const call = (fn: (t: tf.Tensor, p: tf.Tensor) => tf.Tensor, yTrue: number[] | number[][], yPred: number[] | number[][], dtype: 'float32' | 'int32' = 'float32') =>
  expectNoLeakedTensors(() => tf.tidy(() => read(fn(tf.tensor(yTrue, undefined, dtype), tf.tensor(yPred)))));

describeEachBackend('accuracy functions', () => {
  it('accuracy compares exactly; binary accuracy thresholds at 0.5 or another value', async () => {
    expect(await call(accuracy, [[1], [2], [3], [4]], [[0], [2], [3], [4]])).toEqual([0, 1, 1, 1]);
    expect(await call(binaryAccuracy, [[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]])).toEqual([1, 1, 1, 0]);
    expect(await call(binaryAccuracy, [[1, 0], [1, 1]], [[0.5, 0.5], [0.51, 0.2]])).toEqual([0.5, 0.5]);
    expect(await call((t, p) => binaryAccuracy(t, p, { threshold: 0.7 }), [1, 0, 1], [0.8, 0.6, 0.65])).toEqual([Math.fround(2 / 3)]);
    expect(await call(binaryAccuracy, [1, 0], [[0.9], [0.1]])).toEqual([1, 1]);
  });

  it('categorical accuracy compares arg-maxes, logits included', async () => {
    expect(await call(categoricalAccuracy, [[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]])).toEqual([0, 1]);
    expect(await call(categoricalAccuracy, [[1, 0], [0, 1]], [[5, -3], [-1, -0.5]])).toEqual([1, 1]);
  });

  it('sparse categorical accuracy takes int32 or float32 labels, [batch] or [batch, 1]', async () => {
    const scores = [[0.1, 0.6, 0.3], [0.05, 0.95, 0], [0.7, 0.2, 0.1]];
    expect(await call(sparseCategoricalAccuracy, [[2], [1], [0]], scores)).toEqual([0, 1, 1]);
    expect(await call(sparseCategoricalAccuracy, [2, 1, 0], scores, 'int32')).toEqual([0, 1, 1]);
  });

  it('top-k counts ties at the boundary as hits, as TensorFlow’s in_top_k', async () => {
    const scores = [[0.1, 0.9, 0.8], [0.05, 0.95, 0], [0.3, 0.3, 0.4]];
    expect(await call((t, p) => topKCategoricalAccuracy(t, p, { k: 1 }), [[0, 0, 1], [0, 1, 0], [1, 0, 0]], scores)).toEqual([0, 1, 0]);
    expect(await call((t, p) => topKCategoricalAccuracy(t, p, { k: 2 }), [[0, 0, 1], [0, 1, 0], [1, 0, 0]], scores)).toEqual([1, 1, 1]);
    expect(await call((t, p) => sparseTopKCategoricalAccuracy(t, p, { k: 1 }), [2, 1, 1], scores, 'int32')).toEqual([0, 1, 0]);
    expect(await call(sparseTopKCategoricalAccuracy, [2, 1, 1], scores)).toEqual([1, 1, 1]); // k = 5 ≥ classes
  });

  it('names mismatched shapes and bad options', () => {
    tf.tidy(() => {
      expect(() => categoricalAccuracy(tf.zeros([4, 1]), tf.zeros([4, 3]))).toThrow(
        'Expected yTrue and yPred to have compatible shapes, received [4, 1] and [4, 3] in metric "categorical_accuracy" (integer class labels go with sparse_categorical_accuracy)',
      );
      expect(() => sparseCategoricalAccuracy(tf.zeros([3]), tf.zeros([4, 3]))).toThrow(
        'Expected yTrue of shape [4] or [4, 1] (integer labels) to go with yPred of shape [4, 3], received [3] in metric "sparse_categorical_accuracy"',
      );
      expect(() => binaryAccuracy(tf.zeros([2, 1]), tf.zeros([2, 1]), { threshold: 1 })).toThrow(
        'Expected threshold to be a number in (0, 1), received 1 in metric "binary_accuracy"',
      );
      expect(() => topKCategoricalAccuracy(tf.zeros([2, 3]), tf.zeros([2, 3]), { k: 0 })).toThrow(
        'Expected k to be an integer ≥ 1, received 0 in metric "top_k_categorical_accuracy"',
      );
    });
    expect([binaryAccuracy.name, sparseTopKCategoricalAccuracy.name]).toEqual(['binary_accuracy', 'sparse_top_k_categorical_accuracy']);
  });
});
