import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { readZip } from '@dendrite/backend/internal';
import { IntegerLookup, StringLookup, TextVectorization, dense, embedding, globalAveragePooling1d, inputLayer, integerLookup, resetUniqueNames, stringLookup, textVectorization } from '@dendrite/layers';
import { describeEachBackend } from '@dendrite/test-utils';
import { sequential } from '../sequential';
import { kerasArchiveBytes, modelFromKerasArchive } from './keras-archive';

afterEach(() => resetUniqueNames());

describeEachBackend('.keras assets', () => {
  it('writes adapted vocabularies where Keras does and reads them back', async () => {
    const lookup = stringLookup({ inputShape: [3], outputMode: 'multi_hot' });
    await lookup.adapt([['b', 'a', 'a'], ['c', 'a', 'b']]);
    const model = sequential({ layers: [lookup, dense({ units: 2 })] });
    const bytes = await kerasArchiveBytes(model, 'model.keras');
    const files = readZip(bytes, 'model.keras');
    expect(new TextDecoder().decode(files.get('assets/layers/string_lookup/vocabulary.txt'))).toBe('[UNK]\na\nb\nc');
    const loaded = await modelFromKerasArchive(bytes, 'model.keras');
    const rebuilt = loaded.layers[0] as StringLookup;
    expect(rebuilt.getVocabulary()).toEqual(['[UNK]', 'a', 'b', 'c']);
    const texts = tf.tensor([['c', 'z', 'a']], [1, 3], 'string');
    const [expected, actual] = [lookup.apply(texts), rebuilt.apply(texts)];
    expect(Array.from(actual.dataSync())).toEqual(Array.from(expected.dataSync()));
    tf.dispose([texts, expected, actual]);
    model.dispose();
    loaded.dispose();
  });

  it('keeps a given vocabulary in the config, and walks into TextVectorization\'s _lookup_layer as Keras', async () => {
    const vectorize = textVectorization({ outputSequenceLength: 4 });
    await vectorize.adapt(['the cat', 'the dog']);
    const model = sequential({ layers: [inputLayer({ shape: [1], dtype: 'string' }), vectorize, embedding({ inputDim: 8, outputDim: 2 }), globalAveragePooling1d()] });
    const bytes = await kerasArchiveBytes(model, 'text.keras');
    expect([...readZip(bytes, 'text.keras').keys()].filter((name) => name.startsWith('assets/'))).toEqual([
      // Keras's walk visits the private _lookup_layer too, and both save the same vocabulary.
      'assets/layers/text_vectorization/vocabulary.txt',
      'assets/layers/text_vectorization/_lookup_layer/vocabulary.txt',
    ]);
    const loaded = await modelFromKerasArchive(bytes, 'text.keras');
    expect((loaded.layers[0] as TextVectorization).getVocabulary()).toEqual(vectorize.getVocabulary());
    const given = sequential({ layers: [integerLookup({ inputShape: [2], vocabulary: [5, 7] })] });
    const givenBytes = await kerasArchiveBytes(given, 'given.keras');
    expect([...readZip(givenBytes, 'given.keras').keys()].some((name) => name.startsWith('assets/'))).toBe(false);
    expect(((await modelFromKerasArchive(givenBytes, 'given.keras')).layers[0] as IntegerLookup).getVocabulary()).toEqual([-1, 5, 7]);
  });
});
