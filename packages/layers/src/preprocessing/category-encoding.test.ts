import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { categoryEncoding } from './category-encoding';

afterEach(() => resetUniqueNames());

const values = (tensor: tf.Tensor) => {
  const array = tensor.arraySync();
  tensor.dispose();
  return array;
};

describeEachBackend('CategoryEncoding', () => {
  it('passes runLayerTest', async () => {
    await runLayerTest({ makeLayer: () => categoryEncoding({ numTokens: 4, outputMode: 'count' }), inputShape: [3, 5], inputDtype: 'int32', inputRange: [0, 4], expectedOutputShape: [3, 4], expectedWeightShapes: [] });
    await runLayerTest({ makeLayer: () => categoryEncoding({ numTokens: 4, outputMode: 'one_hot' }), inputShape: [3, 1], inputDtype: 'int32', inputRange: [0, 4], expectedOutputShape: [3, 4], expectedWeightShapes: [] });
  });

  it('encodes as Keras docstrings', () => {
    expect(values(categoryEncoding({ numTokens: 4, outputMode: 'one_hot' }).apply([3, 2, 0, 1]))).toEqual([[0, 0, 0, 1], [0, 0, 1, 0], [1, 0, 0, 0], [0, 1, 0, 0]]);
    expect(values(categoryEncoding({ numTokens: 4 }).apply([[0, 1], [0, 0], [1, 2], [3, 1]]))).toEqual([[1, 1, 0, 0], [1, 0, 0, 0], [0, 1, 1, 0], [0, 1, 0, 1]]);
    expect(values(categoryEncoding({ numTokens: 4, outputMode: 'count' }).apply([[0, 1], [0, 0], [1, 2], [3, 1]]))).toEqual([[1, 1, 0, 0], [2, 0, 0, 0], [0, 1, 1, 0], [0, 1, 0, 1]]);
    expect(values(categoryEncoding({ numTokens: 3 }).apply([0, 2, 2]))).toEqual([1, 0, 1]);
  });

  it('refuses values outside [0, numTokens) and rank above 2 in the bag modes', () => {
    expect(() => categoryEncoding({ numTokens: 3 }).apply([[3]])).toThrow(/integers in \[0, 3\), received 3/);
    expect(() => categoryEncoding({ numTokens: 3 }).apply([[[0]]])).toThrow(/rank ≤ 2/);
    expect(() => categoryEncoding({ numTokens: 0 })).toThrow(RangeError);
  });
});
