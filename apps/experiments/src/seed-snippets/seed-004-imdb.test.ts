import { beforeAll, describe, expect, it } from 'vitest';
import * as dn from 'dendrite';
import { captureStdout, writeImdbCache } from './helpers-003';

/**
 * Seed 004 ("[TF로 정리하는 DL] 3. 신경망"), binary classification of movie reviews: IMDB as
 * multi-hot vectors, Dense(16)-Dense(16)-Dense(1, sigmoid), RMSprop. The reviews are a small
 * `imdb.npz` in Keras's layout (pickled object arrays of word ranks) written to a temp cache.
 */

type Tensor = dn.tf.Tensor;
let trainData: Int32Array[];
let trainLabels: Int32Array;
let testData: Int32Array[];
let testLabels: Int32Array;
let xTrain: Tensor;
let xTest: Tensor;
let yTrain: Tensor;
let yTest: Tensor;

/** def vectorize_sequence(sequence, dimension=10000): one row per review, 1. at each word index */
function vectorizeSequence(sequences: Int32Array[], dimension = 10000): Tensor {
  const { values, shape } = dn.datasets.vectorizeSequences(sequences, dimension);
  return dn.tf.tensor2d(values, shape);
}

function reviewClassifier(): dn.Sequential {
  const model = dn.sequential();
  model.add(dn.layers.dense({ units: 16, activation: 'relu', inputShape: [10000] }));
  model.add(dn.layers.dense({ units: 16, activation: 'relu' }));
  model.add(dn.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}

describe('seed 004: IMDB reviews, binary classification', () => {
  beforeAll(async () => {
    await dn.selectBackend();
    dn.setSeed(42);
    // (train_data, train_labels), (test_data, test_labels) = imdb.load_data(num_words=10000)
    const { train, test } = await dn.datasets.imdb({ numWords: 10000, cacheDir: writeImdbCache(1000, 200), download: false });
    [trainData, trainLabels, testData, testLabels] = [train.x, train.y, test.x, test.y];
    xTrain = vectorizeSequence(trainData);
    xTest = vectorizeSequence(testData);
    // y_train = np.asarray(train_labels).astype("float32")
    yTrain = dn.tf.tensor1d(Float32Array.from(trainLabels));
    yTest = dn.tf.tensor1d(Float32Array.from(testLabels));
  });

  it('seed 004 [imdb.load_data(num_words=10000); train_data[0][:10]; train_labels[0]]: word indices from the start mark 1, labels 0/1', () => {
    expect(trainData).toHaveLength(1000);
    expect(yTest.shape).toEqual([200]);
    expect(testData).toHaveLength(200);
    expect(trainData[0][0]).toBe(1);
    expect(Array.from(trainData[0].slice(0, 10))).toHaveLength(10);
    for (const review of [...trainData, ...testData]) for (const word of review) expect(word >= 1 && word < 10000).toBe(true);
    // the ranks above 10 000 in the file became the out-of-vocabulary index 2
    expect(trainData.some((review) => review.includes(2))).toBe(true);
    expect([0, 1]).toContain(trainLabels[0]);
    expect(new Set(trainLabels)).toEqual(new Set([0, 1]));
  });

  it('seed 004 [vectorize_sequence(train_data); x_train[0][:10]]: multi-hot rows of 10 000', () => {
    expect(xTrain.shape).toEqual([1000, 10000]);
    const first = xTrain.slice([0, 0], [1, 10000]);
    const row = first.dataSync();
    // array([0., 1., 1., 0., 1., ...]): 1 exactly at the review's word indices, index 1 always set
    expect(row[1]).toBe(1);
    expect(row[0]).toBe(0);
    const words = new Set(trainData[0]);
    for (let index = 0; index < 10000; index++) expect(row[index]).toBe(words.has(index) ? 1 : 0);
    first.dispose();
    expect(yTrain.dtype).toBe('float32');
  });

  it('seed 004 [Sequential(); add(Dense(16, activation="relu", input_shape=(10000,))) ×2; Dense(1, sigmoid)]: 160,305 parameters', () => {
    const model = reviewClassifier();
    expect(model.layers.map((layer) => layer.countParams())).toEqual([160016, 272, 17]);
    expect(model.summary({ printFn: null })).toContain('Total params: 160,305');
    model.dispose();
  });

  it('seed 004 [compile(optimizer="rmsprop", loss="binary_crossentropy", metrics=["accuracy"])]: accuracy is binary accuracy', async () => {
    const model = reviewClassifier();
    model.compile({ optimizer: 'rmsprop', loss: 'binary_crossentropy', metrics: ['accuracy'] });
    const history = await model.fit(xTrain, yTrain, { epochs: 1, batchSize: 512, verbose: 0 });
    expect(Object.keys(history.history).sort()).toEqual(['accuracy', 'loss']);
    model.dispose();
  });

  describe('compiled with objects, trained and used', () => {
    let model: dn.Sequential;
    let history: dn.models.History;
    let tensorsBefore: number;

    beforeAll(() => {
      tensorsBefore = dn.tf.memory().numTensors;
      model = reviewClassifier();
      // model.compile(optimizer=tf.keras.optimizers.RMSprop(learning_rate=0.001), loss=tf.keras.losses.binary_crossentropy, metrics=[tf.keras.metrics.binary_accuracy])
      model.compile({ optimizer: dn.optimizers.rmsprop({ learningRate: 0.001 }), loss: dn.losses.binaryCrossentropy, metrics: [dn.metrics.binaryAccuracy] });
    });

    it('seed 004 [x_val = x_train[:10000]; fit(partial_x_train, epochs=20, batch_size=512, validation_data=(x_val, y_val))]: binary_accuracy keys, loss falls', async () => {
      const xVal = xTrain.slice(0, 300);
      const partialXTrain = xTrain.slice(300);
      const yVal = yTrain.slice(0, 300);
      const partialYTrain = yTrain.slice(300);
      const { result, text } = await captureStdout(() => model.fit(partialXTrain, partialYTrain, { epochs: 20, batchSize: 512, validationData: [xVal, yVal] }));
      history = result;
      // "30/30 [====] - 2s 41ms/step - loss: 0.5203 - binary_accuracy: 0.7885 - val_loss: 0.3932 - val_binary_accuracy: 0.8583"
      expect(text).toContain('Epoch 20/20\n');
      expect(text).toMatch(/2\/2 \[=+\] - .*step - loss: \d\.\d{4} - binary_accuracy: \d\.\d{4} - val_loss: \d\.\d{4} - val_binary_accuracy: \d\.\d{4}/);
      expect(Object.keys(history.history).sort()).toEqual(['binary_accuracy', 'loss', 'val_binary_accuracy', 'val_loss']);
      expect(history.history.loss[19]).toBeLessThan(history.history.loss[0]);
      expect(history.history.binary_accuracy[19]).toBeGreaterThan(0.9);
      expect(history.history.val_binary_accuracy[19]).toBeGreaterThan(0.8);
      dn.tf.dispose([xVal, partialXTrain, yVal, partialYTrain]);
    });

    it('seed 004 [df_hist[["loss", "val_loss"]].plot(); df_hist[["binary_accuracy", "val_binary_accuracy"]].plot()]', () => {
      for (const key of ['loss', 'val_loss', 'binary_accuracy', 'val_binary_accuracy']) expect(history.history[key]).toHaveLength(20);
    });

    it('seed 004 [model.predict(x_test)]: one probability per review, array([[0.0059], [1.], [0.98], ...])', () => {
      const before = dn.tf.memory().numTensors;
      const probabilities = model.predict(xTest, { verbose: 0 }) as Tensor;
      expect(probabilities.shape).toEqual([200, 1]);
      const values = Array.from(probabilities.dataSync());
      expect(values.every((p) => p >= 0 && p <= 1)).toBe(true);
      const correct = values.filter((p, i) => (p > 0.5 ? 1 : 0) === testLabels[i]).length;
      expect(correct / values.length).toBeGreaterThan(0.8); // "긍정 리뷰일 확률을 반환함"
      probabilities.dispose();
      expect(dn.tf.memory().numTensors).toBe(before);
    });

    it('seed 004 [model.predict(x_test)]: prints "782/782 [==============================] - 1s 1ms/step"', async () => {
      const { result, text } = await captureStdout(() => model.predict(xTest));
      (result as Tensor).dispose();
      expect(text).toMatch(/7\/7 \[=+\] - \d+m?s \d+[mu]?s\/step/);
    });

    it('seed 004 [fit, predict]: nothing is left behind once the model is disposed', () => {
      model.dispose();
      expect(dn.tf.memory().numTensors).toBe(tensorsBefore);
    });
  });
});
