import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { integerLookup } from './integer-lookup';

afterEach(() => resetUniqueNames());

const VOCABULARY = [12, 36, 1138, 42];
const DATA = [[12, 1138, 42], [42, 1000, 36]];
const values = (tensor: tf.Tensor) => {
  const array = tensor.arraySync();
  tensor.dispose();
  return array;
};

describeEachBackend('IntegerLookup', () => {
  it('passes runLayerTest with a vocabulary, in int and count modes', async () => {
    const vocabulary = [0, 1, 2];
    await runLayerTest({ makeLayer: () => integerLookup({ vocabulary }), inputShape: [3, 2], inputDtype: 'int32', inputRange: [0, 5], expectedOutputShape: [3, 2], expectedWeightShapes: [] });
    await runLayerTest({ makeLayer: () => integerLookup({ vocabulary, outputMode: 'count' }), inputShape: [3, 2], inputDtype: 'int32', inputRange: [0, 5], expectedOutputShape: [3, 4], expectedWeightShapes: [] });
  });

  it('maps as Keras: OOV to 0 (token −1), several OOV indices by floor modulo', () => {
    expect(values(integerLookup({ vocabulary: VOCABULARY }).apply(DATA))).toEqual([[1, 3, 4], [4, 0, 2]]);
    expect(values(integerLookup({ vocabulary: VOCABULARY, numOovIndices: 2 }).apply(DATA))).toEqual([[2, 4, 5], [5, 0, 3]]);
    expect(values(integerLookup({ vocabulary: VOCABULARY, numOovIndices: 2 }).apply([[-7]]))).toEqual([[1]]);
    expect(values(integerLookup({ vocabulary: VOCABULARY, maskToken: 0 }).apply([[12, 0, 7]]))).toEqual([[2, 0, 1]]);
  });

  it('adapts in Keras order: most frequent first, ties by the larger integer', async () => {
    const layer = integerLookup();
    await layer.adapt(tf.tensor2d(DATA, undefined, 'int32'));
    expect(layer.getVocabulary()).toEqual([-1, 42, 1138, 1000, 36, 12]);
    expect(values(layer.apply(DATA))).toEqual([[5, 2, 1], [1, 3, 4]]);
  });

  it('inverts, and saves the adapted vocabulary as Keras assets', async () => {
    expect(values(integerLookup({ vocabulary: VOCABULARY, invert: true }).apply(tf.tensor1d([1, 0, 4], 'int32')))).toEqual([12, -1, 42]);
    const layer = integerLookup();
    await layer.adapt([3, 3, 5]);
    expect(layer.saveAssets()).toEqual({ 'vocabulary.txt': '-1\n3\n5' });
    const rebuilt = integerLookup();
    rebuilt.loadAssets({ 'vocabulary.txt': '-1\n3\n5\n' });
    expect(rebuilt.getVocabulary()).toEqual([-1, 3, 5]);
  });

  it('refuses non-integer tokens', () => {
    expect(() => integerLookup({ vocabulary: [1.5] })).toThrow(RangeError);
    expect(() => integerLookup({ vocabulary: ['a'] as never })).toThrow(TypeError);
  });
});
