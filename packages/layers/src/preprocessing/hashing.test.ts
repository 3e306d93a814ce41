import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { hashing } from './hashing';

afterEach(() => resetUniqueNames());

const INPUT = [['A'], ['B'], ['C'], ['D'], ['E']];
const values = (tensor: tf.Tensor) => {
  const array = tensor.arraySync();
  tensor.dispose();
  return array;
};

describeEachBackend('Hashing', () => {
  it('passes runLayerTest on integers and strings', async () => {
    await runLayerTest({ makeLayer: () => hashing({ numBins: 5 }), inputShape: [3, 2], inputDtype: 'int32', inputRange: [0, 100], expectedOutputShape: [3, 2], expectedWeightShapes: [] });
    const makeInputs = () => [tf.tensor([['cat', 'dog'], ['', 'eel']], [2, 2], 'string')];
    await runLayerTest({ makeLayer: () => hashing({ numBins: 4, maskValue: '', outputMode: 'multi_hot' }), inputShape: [2, 2], inputDtype: 'string', makeInputs, expectedOutputShape: [2, 4], expectedWeightShapes: [] });
  });

  it('bins as Keras docstrings: FarmHash, a mask value, SipHash with a salt', () => {
    expect(values(hashing({ numBins: 3 }).apply(INPUT))).toEqual([[1], [0], [1], [1], [2]]);
    expect(values(hashing({ numBins: 3, maskValue: '' }).apply([['A'], ['B'], [''], ['C'], ['D']]))).toEqual([[1], [1], [0], [2], [2]]);
    expect(values(hashing({ numBins: 3, salt: [133, 137] }).apply(INPUT))).toEqual([[1], [2], [1], [0], [2]]);
    expect(values(hashing({ numBins: 3, salt: 133 }).apply(INPUT))).toEqual([[0], [0], [2], [1], [0]]);
  });

  it('hashes integers as their decimal text, as Keras', () => {
    const layer = hashing({ numBins: 10 });
    expect(Array.from(layer.hashValues([1, 42]))).toEqual(Array.from(layer.hashValues(['1', '42'])));
  });

  it('encodes one_hot on a last axis of 1, as Keras', () => {
    expect(values(hashing({ numBins: 3, outputMode: 'one_hot' }).apply(INPUT))).toEqual([[0, 1, 0], [1, 0, 0], [0, 1, 0], [0, 1, 0], [0, 0, 1]]);
    expect(() => hashing({ numBins: 3, salt: 'x' as never })).toThrow(TypeError);
  });
});
