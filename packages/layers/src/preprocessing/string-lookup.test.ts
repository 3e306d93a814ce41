import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectArraysClose, expectNoLeakedTensors } from '@dendrite/backend/testing';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { deserializeLayer, serializeLayer } from '../engine/layer-registry';
import { StringLookup, stringLookup } from './string-lookup';

afterEach(() => resetUniqueNames());

const VOCABULARY = ['a', 'b', 'c', 'd'];
const DATA = [['a', 'c', 'd'], ['d', 'z', 'b']];
const values = (tensor: tf.Tensor) => {
  const array = tensor.arraySync();
  tensor.dispose();
  return array;
};

describeEachBackend('StringLookup', () => {
  it('passes runLayerTest with a vocabulary, in int and multi_hot modes', async () => {
    const makeInputs = () => [tf.tensor([['a', 'q'], ['d', 'c']], [2, 2], 'string')];
    await runLayerTest({ makeLayer: () => stringLookup({ vocabulary: VOCABULARY }), inputShape: [2, 2], inputDtype: 'string', makeInputs, expectedOutputShape: [2, 2], expectedWeightShapes: [] });
    await runLayerTest({ makeLayer: () => stringLookup({ vocabulary: VOCABULARY, outputMode: 'multi_hot' }), inputShape: [2, 2], inputDtype: 'string', makeInputs, expectedOutputShape: [2, 5], expectedWeightShapes: [] });
  });

  it('maps as Keras: OOV to 0, mask first, hashed OOV buckets', async () => {
    expect(values(stringLookup({ vocabulary: VOCABULARY }).apply(DATA))).toEqual([[1, 3, 4], [4, 0, 2]]);
    expect(values(stringLookup({ vocabulary: VOCABULARY, maskToken: '' }).apply([['a', '', 'z']]))).toEqual([[2, 0, 1]]);
    // Keras's docstring: with two OOV indices "z" hashes (FarmHash) to the second.
    expect(values(stringLookup({ vocabulary: VOCABULARY, numOovIndices: 2 }).apply(DATA))).toEqual([[2, 4, 5], [5, 1, 3]]);
    await expectNoLeakedTensors(() => stringLookup({ vocabulary: VOCABULARY }).apply(DATA).dispose());
  });

  it('adapts in Keras order: most frequent first, ties in inverse sort order', async () => {
    const layer = stringLookup();
    await layer.adapt(DATA);
    expect(layer.getVocabulary()).toEqual(['[UNK]', 'd', 'z', 'c', 'b', 'a']);
    expect(values(layer.apply(DATA))).toEqual([[5, 3, 1], [1, 2, 4]]);
    const limited = stringLookup({ maxTokens: 3 });
    await limited.adapt(['x', 'y', 'y', 'z', 'z', 'z', '[UNK]', '[UNK]', '[UNK]', '[UNK]']);
    expect(limited.getVocabulary()).toEqual(['[UNK]', 'z', 'y']);
  });

  it('adapts from a stream of batches', async () => {
    async function* batches() {
      yield tf.tensor(['b', 'a'], [2], 'string');
      yield [['a']];
    }
    const layer = stringLookup();
    await layer.adapt(batches());
    expect(layer.getVocabulary()).toEqual(['[UNK]', 'a', 'b']);
  });

  it('encodes one_hot, multi_hot, count and tf_idf as Keras', () => {
    expect(values(stringLookup({ vocabulary: VOCABULARY, outputMode: 'one_hot' }).apply(['a', 'z']))).toEqual([[0, 1, 0, 0, 0], [1, 0, 0, 0, 0]]);
    const bags = [['a', 'c', 'd', 'd'], ['d', 'z', 'b', 'z']];
    expect(values(stringLookup({ vocabulary: VOCABULARY, outputMode: 'multi_hot' }).apply(bags))).toEqual([[0, 1, 0, 1, 1], [1, 0, 1, 0, 1]]);
    expect(values(stringLookup({ vocabulary: VOCABULARY, outputMode: 'count' }).apply(bags))).toEqual([[0, 1, 0, 1, 2], [2, 0, 1, 0, 1]]);
    const tfIdf = stringLookup({ vocabulary: VOCABULARY, idfWeights: [0.25, 0.75, 0.6, 0.4], outputMode: 'tf_idf' });
    // OOV weighs the mean idf (0.5), as Keras pads it.
    expectArraysClose(tfIdf.apply(bags), [0, 0.25, 0, 0.6, 0.8, 1, 0, 0.75, 0, 0.4]);
    expect(stringLookup({ vocabulary: VOCABULARY, maxTokens: 8, padToMaxTokens: true, outputMode: 'multi_hot' }).computeOutputShape([null, 3])).toEqual([null, 8]);
  });

  it('learns idf weights as Keras: log(1 + documents / (1 + document count))', async () => {
    const layer = stringLookup({ outputMode: 'tf_idf' });
    await layer.adapt([['a', 'a', 'b'], ['b', 'c', 'c']]);
    expect(layer.getVocabulary()).toEqual(['[UNK]', 'c', 'b', 'a']);
    const [c, b, a] = [Math.log(2), Math.log(1 + 2 / 3), Math.log(2)];
    expectArraysClose(layer.apply([['a', 'a', 'q']]), [(c + b + a) / 3, 0, 0, 2 * a]);
  });

  it('inverts indices back to tokens', () => {
    const layer = stringLookup({ vocabulary: VOCABULARY, invert: true });
    expect(values(layer.apply(tf.tensor2d([[1, 3, 4], [4, 0, 2]], undefined, 'int32')))).toEqual([['a', 'c', 'd'], ['d', '[UNK]', 'b']]);
  });

  it('refuses repeated, special-in-the-middle and oversized vocabularies, and unknown tokens without OOV', () => {
    expect(() => stringLookup({ vocabulary: ['a', 'a'] })).toThrow(/repeated terms.*"a"/);
    expect(() => stringLookup({ vocabulary: ['a', ''], maskToken: '' })).toThrow(/mask token/);
    expect(() => stringLookup({ vocabulary: ['a', 'b', 'c'], maxTokens: 3 })).toThrow(/at most maxTokens = 3/);
    expect(() => stringLookup({ vocabulary: ['a'], numOovIndices: 0 }).apply(['b'])).toThrow(/numOovIndices = 0/);
    expect(() => stringLookup({ outputMode: 'multi_hot' }).apply(['b'])).toThrow(/before calling it/);
    expect(() => stringLookup({ max_tokens: 3 } as never)).toThrow(/Unknown option "max_tokens" in layer StringLookup: did you mean "maxTokens"\?/);
  });

  it('saves an adapted vocabulary as Keras assets and reads it back', async () => {
    const layer = stringLookup();
    await layer.adapt(DATA);
    const assets = layer.saveAssets()!;
    expect(assets['vocabulary.txt']).toBe('[UNK]\nd\nz\nc\nb\na');
    const rebuilt = deserializeLayer(JSON.parse(JSON.stringify(serializeLayer(layer)))) as StringLookup;
    rebuilt.loadAssets(assets);
    expect(rebuilt.getVocabulary()).toEqual(layer.getVocabulary());
    expect(stringLookup({ vocabulary: VOCABULARY }).saveAssets()).toBeNull();
    const tfIdf = stringLookup({ outputMode: 'tf_idf' });
    await tfIdf.adapt([['a', 'a', 'b'], ['b', 'c', 'c']]);
    const reloaded = stringLookup({ outputMode: 'tf_idf' });
    reloaded.loadAssets(tfIdf.saveAssets()!);
    const bag = [['a', 'q', 'c']];
    expectArraysClose(reloaded.apply(bag), tfIdf.apply(bag));
  });
});
