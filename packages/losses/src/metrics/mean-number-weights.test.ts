import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { Mean, Sum } from './mean';
import { Precision, Recall } from './precision-recall';

describeEachBackend('Mean and Sum with a number as the sample weight', () => {
  it('weight as Keras’s reduce_to_samplewise_values: a scalar weight reduces the batch to one value first', () => {
    // Keras: values of rank 1 against a weight of rank 0 are averaged (Mean) or summed (Sum) to one value,
    // which the weight multiplies; the count grows by the weight. Mean: (2·4 + 0.5·10) / (2 + 0.5).
    const mean = new Mean();
    tf.tidy(() => mean.updateState(tf.tensor1d([1, 3, 5, 7]), 2));
    tf.tidy(() => mean.updateState(tf.tensor1d([10]), 0.5));
    tf.tidy(() => mean.updateState(tf.tensor1d([100]), 0)); // a weight of 0 counts for nothing
    expect(mean.resultValue()).toBeCloseTo((2 * 4 + 0.5 * 10) / 2.5, 5);
    const sum = new Sum();
    tf.tidy(() => sum.updateState(tf.tensor1d([1, 3, 5, 7]), 2));
    expect(sum.resultValue()).toBe(32);
    for (const bad of [-1, Number.NaN]) {
      expect(() => mean.updateState(tf.tensor1d([1]), bad)).toThrow(new Error(`Expected sampleWeight to be a tf.Tensor or a finite number ≥ 0, received ${bad} in metric "mean"`));
    }
    expect(() => sum.updateState(tf.tensor1d([1]), [1] as never)).toThrow(new Error('Expected sampleWeight to be a tf.Tensor, received [1] in metric "sum"'));
    expect(() => sum.updateState(3 as never)).toThrow(new Error('Expected values to be a tf.Tensor, received 3 in metric "sum"'));
    mean.dispose();
    sum.dispose();
  });
});

describeEachBackend('Precision and Recall arguments', () => {
  it('name a classId below 0 and save thresholds and classId as given', () => {
    expect(() => new Recall({ classId: -1 })).toThrow(new RangeError('Expected classId to be an integer ≥ 0, received -1 in metric "recall"'));
    const precision = new Precision({ thresholds: [0.2, 0.8], classId: 2 });
    expect(precision.getConfig()).toEqual({ name: 'precision', thresholds: [0.2, 0.8], top_k: null, class_id: 2 });
    expect(precision.thresholds).toEqual([0.2, 0.8]);
    precision.dispose();
  });
});
