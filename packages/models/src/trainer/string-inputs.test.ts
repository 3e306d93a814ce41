import { afterEach, expect, it } from 'vitest';
import { clearSeed, setSeed, tf } from '@dendrite/backend';
import { dense, embedding, globalAveragePooling1d, input, inputLayer, resetUniqueNames, textVectorization } from '@dendrite/layers';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { model as functionalModel } from '../functional';
import { type Sequential, sequential } from '../sequential';
import { kerasArchiveBytes, modelFromKerasArchive } from '../saving/keras-archive';

afterEach(() => {
  resetUniqueNames();
  clearSeed();
});

// 16 sentences: about pets (1) or about weather (0).
const sentences = [
  'the cat sat', 'the dog ran', 'a cat purrs', 'my dog barks', 'the cat sleeps', 'a dog plays', 'cat and dog', 'the dog sat',
  'rain falls today', 'the sun shines', 'cold wind blows', 'snow falls again', 'the rain stops', 'a sunny day', 'wind and rain', 'the sky is grey',
];
const labels = sentences.map((_, i) => [i < 8 ? 1 : 0]);

async function textModel(kind: 'functional' | 'sequential') {
  const vectorize = textVectorization({ maxTokens: 100, outputMode: 'int', outputSequenceLength: 8 });
  await vectorize.adapt(sentences);
  const head = [embedding({ inputDim: 100, outputDim: 4 }), globalAveragePooling1d(), dense({ units: 1, activation: 'sigmoid' })];
  let built;
  if (kind === 'functional') {
    const inputs = input({ shape: [1], dtype: 'string' });
    let x = vectorize.apply(inputs);
    for (const layer of head) x = layer.apply(x);
    built = functionalModel({ inputs, outputs: x });
  } else {
    built = sequential({ layers: [inputLayer({ shape: [1], dtype: 'string' }), vectorize, ...head] });
  }
  built.compile({ optimizer: 'adam', loss: 'binary_crossentropy' });
  return built;
}

describeEachBackend('string inputs', () => {
  it('fits, evaluates and predicts a functional text model from string tensors, leaking nothing', async () => {
    setSeed(3);
    const model = await textModel('functional');
    const x = tf.tensor(sentences.map((s) => [s]), [16, 1], 'string');
    const y = tf.tensor2d(labels);
    await model.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0 }); // optimizer slots
    const history = await expectNoLeakedTensors(() => model.fit(x, y, { epochs: 2, batchSize: 4, verbose: 0, validationSplit: 0.25 }));
    expect(history.history.loss[1]).toBeLessThan(history.history.loss[0]);
    expect(history.history.val_loss).toHaveLength(2);
    await expectNoLeakedTensors(async () => void (await model.evaluate(x, y, { verbose: 0 })));
    const query = tf.tensor([['the cat']], [1, 1], 'string');
    const before = tf.memory().numTensors;
    const predicted = model.predict(query, { verbose: 0 }) as tf.Tensor;
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(predicted.shape).toEqual([1, 1]);
    tf.dispose([x, y, query, predicted]);
    model.dispose();
  });

  it('takes plain nested string arrays in a Sequential model with inputLayer({dtype: "string"}), and keeps predictions through .keras', async () => {
    setSeed(4);
    const model = await textModel('sequential');
    const x = sentences.map((s) => [s]);
    const history = await model.fit(x, labels, { epochs: 2, batchSize: 4, verbose: 0 });
    expect(history.history.loss).toHaveLength(2);
    expect(await model.trainOnBatch(x.slice(0, 4), labels.slice(0, 4))).toBeGreaterThan(0);
    const loaded = (await modelFromKerasArchive(await kerasArchiveBytes(model, 'text.keras'), 'text.keras')) as Sequential;
    const [expected, actual] = [model.predict([['the cat'], ['snow']], { verbose: 0 }) as tf.Tensor, loaded.predict([['the cat'], ['snow']], { verbose: 0 }) as tf.Tensor];
    expectArraysClose(actual, expected);
    tf.dispose([expected, actual]);
    model.dispose();
    loaded.dispose();
  });

  it('refuses strings for a numeric input, naming it', () => {
    const inputs = input({ shape: [1], name: 'price' });
    const model = functionalModel({ inputs, outputs: dense({ units: 1 }).apply(inputs) });
    const strings = tf.tensor([['a']], [1, 1], 'string');
    expect(() => model.predict(strings, { verbose: 0 })).toThrow('Expected x (input "price") to have a numeric dtype as the model\'s input is float32, received a string tensor');
    expect(() => model.predict([['a']], { verbose: 0 })).toThrow('Expected x (input "price") to have a numeric dtype as the model\'s input is float32, received the string "a"');
    strings.dispose();
    model.dispose();
  });
});
