import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { R2Score } from './r2-score';

describeEachBackend('R2Score at the edges', () => {
  it('is 0 before any update, and names inputs that are not [batch, outputs]', () => {
    const metric = new R2Score();
    expect(metric.resultValue()).toBe(0);
    expect(() => tf.tidy(() => metric.updateState(tf.tensor1d([1, 2, 3]), tf.tensor1d([1, 2, 2])))).toThrow(
      new Error('Expected yTrue and yPred of shape [batch, outputs], received [3] and [3] in metric "r2_score"'),
    );
    expect(() => tf.tidy(() => metric.updateState(tf.zeros([3, 2]), tf.zeros([3, 1])))).toThrow(
      new Error('Expected yTrue and yPred to have compatible shapes, received [3, 2] and [3, 1] in metric "r2_score"'),
    );
    metric.dispose();
  });

  it('takes weights of shape [batch, 1] as [batch]', () => {
    // One output, weights 1, 2, 1: weighted mean 2.5; total Σw(y − ȳ)² = 2.25 + 0 + 2.25 = 4.5; residual Σw(y − ŷ)² = 0 + 2 + 1 = 3.
    const metric = new R2Score();
    tf.tidy(() => metric.updateState(tf.tensor2d([[1], [2.5], [4]]), tf.tensor2d([[1], [1.5], [3]]), tf.tensor2d([[1], [2], [1]])));
    expect(metric.resultValue()).toBeCloseTo(1 - 3 / 4.5, 5);
    metric.dispose();
  });
});
