import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { read } from '../testing/read';
import { reduceWeightedValues, standardizeReduction } from './reduction';

describeEachBackend('reductions', () => {
  it('accepts Keras spellings, camelCase and null, and names anything else', () => {
    expect(standardizeReduction(undefined, 'loss "l"')).toBe('sum_over_batch_size');
    expect(standardizeReduction('sumOverBatchSize', 'loss "l"')).toBe('sum_over_batch_size');
    expect(standardizeReduction('meanWithSampleWeight', 'loss "l"')).toBe('mean_with_sample_weight');
    expect(standardizeReduction(null, 'loss "l"')).toBe('none');
    expect(() => standardizeReduction('average' as never, 'loss "l"')).toThrow(
      'Expected reduction to be one of sum_over_batch_size, sum, none, mean, mean_with_sample_weight, received "average" in loss "l"',
    );
    expect(() => standardizeReduction(7 as never, 'loss "l"')).toThrow(
      new TypeError('Expected reduction to be one of sum_over_batch_size, sum, none, mean, mean_with_sample_weight, received 7 in loss "l"'),
    );
  });

  it('reduces [batch, t] values with [batch] weights, masks, and nothing to reduce', async () => {
    const values = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
    const weights = tf.tensor1d([1, 0, 2]);
    const reduce = (reduction: Parameters<typeof reduceWeightedValues>[3], weight?: tf.Tensor, mask?: tf.Tensor) =>
      expectNoLeakedTensors(() => read(reduceWeightedValues(values, weight, mask, reduction, 'loss "l"')));
    expectArraysClose(await reduce('sum_over_batch_size', weights), [(1 + 2 + 10 + 12) / 6]);
    expectArraysClose(await reduce('sum', weights), [25]);
    expectArraysClose(await reduce('mean_with_sample_weight', weights), [25 / 3]);
    expectArraysClose(await reduce('none', weights), [1, 2, 0, 0, 10, 12]);
    const matching = tf.tensor2d([[1, 0], [0.5, 0.5], [0, 2]]);
    expectArraysClose(await reduce('sum_over_batch_size', matching), [(1 + 1.5 + 2 + 12) / 6]);
    expectArraysClose(await reduce('mean_with_sample_weight', matching), [(1 + 1.5 + 2 + 12) / 4]);
    const mask = tf.tensor2d([[1, 0], [1, 1], [0, 0]]);
    expectArraysClose(await reduce('sum_over_batch_size', undefined, mask), [(1 + 3 + 4) / 3]);
    expectArraysClose(await reduce('sum', undefined, mask), [8]);
    expectArraysClose(await reduce('sum_over_batch_size', weights, mask), [1 / 3]);
    expect(read(reduceWeightedValues(tf.scalar(2), undefined, undefined, 'sum', 'loss "l"'))).toEqual([2]);
    expect(read(reduceWeightedValues(tf.zeros([0]), undefined, undefined, 'sum_over_batch_size', 'loss "l"'))).toEqual([0]);
    tf.dispose([values, weights, matching, mask]);
  });

  it('takes the mean over the kept entries under mean, the synonym of sum_over_batch_size', async () => {
    const values = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
    const mask = tf.tensor2d([[1, 0], [1, 1], [0, 0]]);
    const reduce = (reduction: Parameters<typeof reduceWeightedValues>[3]) => expectNoLeakedTensors(() => read(reduceWeightedValues(values, undefined, mask, reduction, 'loss "l"')));
    expectArraysClose(await reduce('mean'), [(1 + 3 + 4) / 3]);
    expectArraysClose(await reduce('none'), [1, 0, 3, 4, 0, 0]);
    tf.dispose([values, mask]);
  });
});
