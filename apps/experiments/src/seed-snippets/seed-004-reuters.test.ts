import { beforeAll, describe, expect, it } from 'vitest';
import * as dn from 'dendrite';
import { HAS_SHARED_DATASETS, SHARED_DATASETS } from './helpers-003';

/**
 * Seed 004, multi-class classification of newswires: Keras's real `reuters.npz` (shared folder),
 * multi-hot vectors, one-hot labels, Dense(64)-Dense(64)-Dense(46, softmax). Trained on the first
 * 1 000 wires of the 8 982 (the notes hold out 1 000 for validation; here 200).
 */

type Tensor = dn.tf.Tensor;
let trainData: Int32Array[];
let trainLabels: Int32Array;
let testData: Int32Array[];
let testLabels: Int32Array;

function vectorizeSequence(sequences: Int32Array[], dimension = 10000): Tensor {
  const { values, shape } = dn.datasets.vectorizeSequences(sequences, dimension);
  return dn.tf.tensor2d(values, shape);
}

describe.skipIf(!HAS_SHARED_DATASETS)('seed 004: Reuters newswires, 46 topics', () => {
  let xTrain: Tensor;
  let xTest: Tensor;
  let ohTrainLabels: { values: Float32Array; shape: number[] };
  let model: dn.Sequential;
  let tensorsBefore: number;

  beforeAll(async () => {
    await dn.selectBackend();
    dn.setSeed(42);
    tensorsBefore = dn.tf.memory().numTensors;
    // (train_data, train_labels), (test_data, test_labels) = reuters.load_data(num_words=10000)
    const { train, test } = await dn.datasets.reuters({ numWords: 10000, searchDirs: [SHARED_DATASETS], download: false });
    [trainData, trainLabels, testData, testLabels] = [train.x, train.y, test.x, test.y];
  });

  it('seed 004 [reuters.load_data(num_words=10000)]: 8 982 + 2 246 wires, word indices below 10 000', () => {
    expect(trainData).toHaveLength(8982);
    expect(testData).toHaveLength(2246);
    for (const wire of trainData.slice(0, 500)) {
      expect(wire[0]).toBe(1);
      for (const word of wire) expect(word).toBeLessThan(10000);
    }
  });

  it('seed 004 [x_train = vectorize_sequence(train_data); oh_train_labels = to_categorical(train_labels)]', () => {
    xTrain = vectorizeSequence(trainData.slice(0, 1000));
    xTest = vectorizeSequence(testData.slice(0, 200));
    expect(xTrain.shape).toEqual([1000, 10000]);
    ohTrainLabels = dn.datasets.toCategorical(trainLabels);
    expect(ohTrainLabels.shape).toEqual([8982, 46]);
    const firstRow = Array.from(ohTrainLabels.values.subarray(0, 46));
    expect(firstRow.indexOf(1)).toBe(trainLabels[0]);
    expect(firstRow.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('seed 004 [len(np.unique(test_labels))]: 46', () => {
    expect(new Set(testLabels).size).toBe(46);
  });

  it('seed 004 [Sequential 64-64-46; compile(rmsprop, categorical_crossentropy, accuracy); fit(epochs=20, batch_size=512)]: loss falls', async () => {
    model = dn.sequential();
    model.add(dn.layers.dense({ units: 64, activation: 'relu', inputShape: [10000] }));
    model.add(dn.layers.dense({ units: 64, activation: 'relu' }));
    model.add(dn.layers.dense({ units: 46, activation: 'softmax' }));
    expect(model.countParams()).toBe(640064 + 4160 + 2990);
    model.compile({ optimizer: 'rmsprop', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
    // x_val = x_train[:1000]; partial_x_train = x_train[1000:]  (here 200 and 800)
    const labels = dn.tf.tensor2d(ohTrainLabels.values.subarray(0, 1000 * 46), [1000, 46]);
    const [xVal, partialXTrain, yVal, partialYTrain] = [xTrain.slice(0, 200), xTrain.slice(200), labels.slice(0, 200), labels.slice(200)];
    const history = await model.fit(partialXTrain, partialYTrain, { epochs: 8, batchSize: 512, validationData: [xVal, yVal], verbose: 0 });
    expect(Object.keys(history.history).sort()).toEqual(['accuracy', 'loss', 'val_accuracy', 'val_loss']);
    expect(history.history.loss[7]).toBeLessThan(history.history.loss[0]);
    expect(history.history.accuracy[7]).toBeGreaterThan(history.history.accuracy[0]);
    expect(history.history.val_accuracy[7]).toBeGreaterThan(0.4); // 46 topics; the notes reach 0.80 on 7 982 wires
    dn.tf.dispose([labels, xVal, partialXTrain, yVal, partialYTrain]);
  });

  it('seed 004 [pred = model.predict(x_test); pred[0].shape; np.sum(pred[0]); np.argmax(pred[0])]: (46,), 1, a topic', () => {
    const before = dn.tf.memory().numTensors;
    const pred = model.predict(xTest, { verbose: 0 }) as Tensor;
    const rows = pred.arraySync() as number[][];
    expect(rows[0]).toHaveLength(46);
    expect(rows[0].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5); // 0.99999976
    const topic = rows[0].indexOf(Math.max(...rows[0]));
    expect(topic).toBeGreaterThanOrEqual(0);
    expect(topic).toBeLessThan(46);
    pred.dispose();
    expect(dn.tf.memory().numTensors).toBe(before);
    model.dispose();
    dn.tf.dispose([xTrain, xTest]);
    expect(dn.tf.memory().numTensors).toBe(tensorsBefore);
  });
});
