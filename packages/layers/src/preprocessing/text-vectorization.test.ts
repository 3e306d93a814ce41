import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectArraysClose, expectNoLeakedTensors } from '@dendrite/backend/testing';
import { runLayerTest } from '@dendrite/layers/testing';
import { resetUniqueNames } from '../engine/unique-names';
import { deserializeLayer, serializeLayer } from '../engine/layer-registry';
import { TextVectorization, textVectorization } from './text-vectorization';
import { ngramsOf, splitText, standardizeText } from './text-tokenize';

afterEach(() => resetUniqueNames());

const values = (tensor: tf.Tensor) => {
  const array = tensor.arraySync();
  tensor.dispose();
  return array;
};

describeEachBackend('TextVectorization', () => {
  it('passes runLayerTest with a vocabulary, in int and multi_hot modes', async () => {
    const makeInputs = () => [tf.tensor(['The cat sat.', 'A dog!'], [2], 'string')];
    const vocabulary = ['the', 'cat', 'dog'];
    await runLayerTest({ makeLayer: () => textVectorization({ vocabulary, outputSequenceLength: 4 }), inputShape: [2], inputDtype: 'string', makeInputs, expectedOutputShape: [2, 4], expectedWeightShapes: [] });
    await runLayerTest({ makeLayer: () => textVectorization({ vocabulary, outputMode: 'multi_hot' }), inputShape: [2], inputDtype: 'string', makeInputs, expectedOutputShape: [2, 4], expectedWeightShapes: [] });
  });

  it('standardizes, splits and makes n-grams as Keras', () => {
    expect(standardizeText("It's GREAT, isn't it?! (yes)", 'lower_and_strip_punctuation')).toBe('its great isnt it yes');
    expect(splitText('  a \t b\nc ', 'whitespace')).toEqual(['a', 'b', 'c']);
    expect(ngramsOf(['a', 'b', 'c'], [1, 2])).toEqual(['a', 'b', 'c', 'a b', 'b c']);
  });

  it('adapts in Keras order and pads or cuts to outputSequenceLength', async () => {
    const layer = textVectorization({ maxTokens: 5000, outputSequenceLength: 4 });
    await layer.adapt(['foo', 'bar', 'baz']);
    // Ties in inverse sort order, after the mask '' and '[UNK]'.
    expect(layer.getVocabulary()).toEqual(['', '[UNK]', 'foo', 'baz', 'bar']);
    expect(values(layer.apply([['foo qux bar'], ['qux baz']]))).toEqual([[2, 1, 4, 0], [1, 3, 0, 0]]);
    expect(values(layer.apply(['bar bar bar bar bar foo']))).toEqual([[4, 4, 4, 4]]);
    const ragged = textVectorization({ vocabulary: ['a'] });
    expect(values(ragged.apply(['a b', 'a']))).toEqual([[2, 1], [2, 0]]);
    await expectNoLeakedTensors(() => layer.apply(['foo']).dispose());
  });

  it('counts bags of words, with n-grams, and weighs them by learned idf', async () => {
    const counting = textVectorization({ vocabulary: ['a', 'b', 'a b'], ngrams: 2, outputMode: 'count' });
    expect(values(counting.apply(['a b a', 'c']))).toEqual([[1, 2, 1, 1], [1, 0, 0, 0]]);
    const tfIdf = textVectorization({ outputMode: 'tf_idf' });
    await tfIdf.adapt(['a a b', 'b c']);
    // a and b twice each (tie in inverse sort order), c once; b in 2 of 2 documents, a and c in 1.
    expect(tfIdf.getVocabulary()).toEqual(['[UNK]', 'b', 'a', 'c']);
    const [b, a, c] = [Math.log(1 + 2 / 3), Math.log(2), Math.log(2)];
    expectArraysClose(tfIdf.apply(['a a z']), [(b + a + c) / 3, 0, 2 * a, 0]);
  });

  it('round-trips its config and its adapted vocabulary as Keras assets', async () => {
    const layer = textVectorization({ maxTokens: 10, outputSequenceLength: 3, ngrams: [1, 2] });
    await layer.adapt(['x y', 'y z']);
    const config = JSON.parse(JSON.stringify(serializeLayer(layer)));
    expect(config.config).toMatchObject({ max_tokens: 10, standardize: 'lower_and_strip_punctuation', split: 'whitespace', ngrams: [1, 2], output_sequence_length: 3, vocabulary: null });
    const rebuilt = deserializeLayer(config) as TextVectorization;
    rebuilt.loadAssets(layer.saveAssets()!);
    expect(rebuilt.getVocabulary()).toEqual(layer.getVocabulary());
    expect(() => textVectorization({ standardize: (text) => text }).getConfig()).toThrow(/function as standardize/);
    expect(() => textVectorization({ outputMode: 'count', outputSequenceLength: 3 })).toThrow(/outputSequenceLength only with outputMode "int"/);
  });
});
