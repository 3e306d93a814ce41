import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as dn from 'dendrite';
import { HAS_SHARED_DATASETS, SHARED_DATASETS, captureStdout, tempFolder } from './helpers-003';

/**
 * Seed 003 (Korean course notes, week 3 day 2: "딥러닝 기본 & 응용"), the Sequential API part:
 * Fashion-MNIST, Flatten-Dense(300)-Dense(100)-Dense(10), compile, fit, evaluate, predict — each
 * cell translated as a Dendrite user would write it, on a few hundred rows and a few epochs.
 */

const ROWS = 28 * 28;
let fashion: Awaited<ReturnType<typeof dn.datasets.fashionMnist>>;
// X_valid, X_train = X_train_full[:5000] / 255., X_train_full[5000:] / 255. (here 100 and 550 rows)
let xTrain: dn.tf.Tensor;
let yTrain: dn.tf.Tensor;
let xValid: dn.tf.Tensor;
let yValid: dn.tf.Tensor;
let xTest: dn.tf.Tensor;
let yTest: dn.tf.Tensor;
const classNames = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];

function images(values: Uint8Array, from: number, to: number): dn.tf.Tensor {
  return dn.tf.tidy(() => dn.tf.tensor3d(values.subarray(from * ROWS, to * ROWS), [to - from, 28, 28], 'int32').toFloat().div(255));
}

/** The course's classifier, built as the notes' second cell builds it (a list of layers). */
function fashionClassifier(): dn.Sequential {
  return dn.sequential({
    layers: [
      dn.layers.flatten({ inputShape: [28, 28] }),
      dn.layers.dense({ units: 300, activation: 'relu' }),
      dn.layers.dense({ units: 100, activation: 'relu' }),
      dn.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
}

describe.skipIf(!HAS_SHARED_DATASETS)('seed 003: Fashion-MNIST with the Sequential API', () => {
  beforeAll(async () => {
    await dn.selectBackend();
    fashion = await dn.datasets.fashionMnist({ searchDirs: [SHARED_DATASETS], download: false });
    xValid = images(fashion.train.x.values as Uint8Array, 0, 100);
    yValid = dn.tf.tensor1d(fashion.train.y.values.subarray(0, 100), 'int32');
    xTrain = images(fashion.train.x.values as Uint8Array, 5000, 5550);
    yTrain = dn.tf.tensor1d(fashion.train.y.values.subarray(5000, 5550), 'int32');
    xTest = images(fashion.test.x.values as Uint8Array, 0, 100);
    yTest = dn.tf.tensor1d(fashion.test.y.values.subarray(0, 100), 'int32');
  });

  it('seed 003 [In 9-11]: tf.__version__ and keras.__version__ are version strings', () => {
    // import tensorflow as tf; from tensorflow import keras  →  import * as dn from 'dendrite'
    expect((dn as unknown as { version?: unknown }).version, 'dn.version (keras.__version__)').toMatch(/^\d+\.\d+\.\d+/);
    expect((dn.tf as unknown as { version?: unknown }).version, 'dn.tf.version (tf.__version__)').toBeDefined();
    expect(dn.tf.version_core).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('seed 003 [fashion_mnist.load_data()]: X_train_full.shape is (60000, 28, 28), bytes 0..255', () => {
    expect(fashion.train.x.shape).toEqual([60000, 28, 28]);
    expect(fashion.test.x.shape).toEqual([10000, 28, 28]);
    expect(fashion.train.x.values).toBeInstanceOf(Uint8Array);
    expect(Math.max(...fashion.train.x.values.subarray(0, 50 * ROWS))).toBe(255);
  });

  it('seed 003 [Sequential() then add()]: four layers, output (None, 10), 266,610 parameters', () => {
    const model = dn.sequential();
    model.add(dn.layers.flatten({ inputShape: [28, 28] }));
    model.add(dn.layers.dense({ units: 300, activation: 'relu' }));
    model.add(dn.layers.dense({ units: 100, activation: 'relu' }));
    model.add(dn.layers.dense({ units: 10, activation: 'softmax' }));
    expect(model.layers).toHaveLength(4);
    expect(model.countParams()).toBe(266610);
    model.dispose();
  });

  it('seed 003 [clear_session; seeds; Sequential([...]); summary()]: the table the notes print', () => {
    (dn as unknown as { clearSession: () => void }).clearSession();
    dn.setSeed(42); // np.random.seed(42); tf.random.set_seed(42)
    const model = fashionClassifier();
    const text = model.summary({ printFn: null });
    expect(text).toBe(
      [
        'Model: "sequential"',
        '_________________________________________________________________',
        'Layer (type)                 Output Shape              Param #   ',
        '=================================================================',
        'flatten (Flatten)            (None, 784)               0         ',
        '_________________________________________________________________',
        'dense (Dense)                (None, 300)               235500    ',
        '_________________________________________________________________',
        'dense_1 (Dense)              (None, 100)               30100     ',
        '_________________________________________________________________',
        'dense_2 (Dense)              (None, 10)                1010      ',
        '=================================================================',
        'Total params: 266,610',
        'Trainable params: 266,610',
        'Non-trainable params: 0',
        '_________________________________________________________________',
      ].join('\n'),
    );
    model.dispose();
  });

  it('seed 003 [Sequential([...]) as Keras writes it]: a list of layers builds the same model', () => {
    const layers = [dn.layers.flatten({ inputShape: [28, 28] }), dn.layers.dense({ units: 300, activation: 'relu' }), dn.layers.dense({ units: 10, activation: 'softmax' })];
    const model = (dn.sequential as unknown as (layers: dn.layers.Layer[]) => dn.Sequential)(layers);
    expect(model.layers).toHaveLength(3);
    expect(model.countParams()).toBe(784 * 300 + 300 + 3010);
    model.dispose();
  });

  it('seed 003 [keras.utils.plot_model(model, "my_fashion_mnist_model.png", show_shapes=True)]: writes a PNG', async () => {
    const model = fashionClassifier();
    const file = join(tempFolder('plot'), 'my_fashion_mnist_model.png');
    const utils = (dn as unknown as { utils: { plotModel: (model: dn.Model, options: Record<string, unknown>) => unknown } }).utils;
    await utils.plotModel(model, { file, showShapes: true });
    expect(existsSync(file)).toBe(true);
    expect(Array.from(readFileSync(file).subarray(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    model.dispose();
  });

  it('seed 003 [hidden1 = model.layers[1]; get_weights()]: (784, 300) Glorot-uniform weights, 300 zero biases', () => {
    dn.layers.resetUniqueNames();
    const model = fashionClassifier();
    const hidden1 = model.layers[1];
    expect(hidden1.name).toBe('dense');
    expect(model.getLayer(hidden1.name)).toBe(hidden1);
    const [weights, biases] = hidden1.getWeights();
    expect(weights.shape).toEqual([784, 300]);
    const limit = Math.sqrt(6 / (784 + 300)); // the notes' values lie within ±0.0744
    expect(weights.abs().max().dataSync()[0]).toBeLessThanOrEqual(limit);
    expect(weights.abs().max().dataSync()[0]).toBeGreaterThan(limit * 0.9);
    expect(biases.shape).toEqual([300]);
    expect(Array.from(biases.dataSync()).every((b) => b === 0)).toBe(true);
    dn.tf.dispose([weights, biases]);
    model.dispose();
  });

  it('seed 003 [compile with strings = compile with objects]: the same losses and the metric sparse_categorical_accuracy', async () => {
    const before = dn.tf.memory().numTensors;
    const byName = fashionClassifier();
    const byObject = fashionClassifier();
    const initial = byName.getWeights();
    byObject.setWeights(initial);
    dn.tf.dispose(initial);
    byName.compile({ loss: 'sparse_categorical_crossentropy', optimizer: 'sgd', metrics: ['accuracy'] });
    byObject.compile({ loss: dn.losses.sparseCategoricalCrossentropy, optimizer: dn.optimizers.sgd(), metrics: [dn.metrics.sparseCategoricalAccuracy] });
    const fitOptions = { epochs: 2, shuffle: false, verbose: 0 } as const;
    const [x, y] = [xTrain.slice(0, 256), yTrain.slice(0, 256)];
    const first = await byName.fit(x, y, fitOptions);
    const second = await byObject.fit(x, y, fitOptions);
    dn.tf.dispose([x, y]);
    expect(Object.keys(second.history).sort()).toEqual(['loss', 'sparse_categorical_accuracy']);
    second.history.loss.forEach((loss, epoch) => expect(loss).toBeCloseTo(first.history.loss[epoch], 4));
    second.history.sparse_categorical_accuracy.forEach((value, epoch) => expect(value).toBeCloseTo(first.history.accuracy[epoch], 5));
    byName.dispose();
    byObject.dispose();
    expect(dn.tf.memory().numTensors).toBe(before);
  });

  describe('one trained model, as the notes go on', () => {
    let model: dn.Sequential;
    let history: dn.models.History;
    let tensorsBefore: number;

    beforeAll(() => {
      tensorsBefore = dn.tf.memory().numTensors;
      dn.setSeed(42);
      model = fashionClassifier();
      model.compile({ loss: 'sparse_categorical_crossentropy', optimizer: 'sgd', metrics: ['accuracy'] });
    });

    it('seed 003 [history = model.fit(X_train, y_train, epochs=30, validation_data=(X_valid, y_valid))]: Keras progress lines, loss falls', async () => {
      const { result, text } = await captureStdout(() => model.fit(xTrain, yTrain, { epochs: 4, validationData: [xValid, yValid] }));
      history = result;
      expect(text).toContain('Epoch 1/4\n');
      expect(text).toMatch(/18\/18 \[=+\] - \d+m?s \d+[mu]?s\/step - loss: \d\.\d{4} - accuracy: \d\.\d{4} - val_loss: \d\.\d{4} - val_accuracy: \d\.\d{4}/);
      expect(Object.keys(history.history).sort()).toEqual(['accuracy', 'loss', 'val_accuracy', 'val_loss']);
      expect(history.history.loss).toHaveLength(4);
      expect(history.history.loss[3]).toBeLessThan(history.history.loss[0]);
      expect(history.history.accuracy[3]).toBeGreaterThan(history.history.accuracy[0]);
    });

    it('seed 003 [pd.DataFrame(history.history).plot(); set_ylim(0, 1)]: four series, one value per epoch', () => {
      for (const series of Object.values(history.history)) expect(series).toHaveLength(4);
      for (const key of ['accuracy', 'val_accuracy']) for (const value of history.history[key]) expect(value).toBeGreaterThanOrEqual(0), expect(value).toBeLessThanOrEqual(1);
    });

    it('seed 003 [model.evaluate(X_test, y_test)]: returns [loss, accuracy]', async () => {
      const before = dn.tf.memory().numTensors;
      const [loss, accuracy] = (await model.evaluate(xTest, yTest, { verbose: 0 })) as number[];
      expect(dn.tf.memory().numTensors).toBe(before);
      expect(loss).toBeLessThan(history.history.loss[0]);
      expect(accuracy).toBeGreaterThan(0.4); // ten classes: chance is 0.1
    });

    it('seed 003 [model.evaluate(X_test, y_test)]: prints "313/313 [=====] - 1s 2ms/step - loss: 0.3367 - accuracy: 0.8827"', async () => {
      const { result, text } = await captureStdout(() => model.evaluate(xTest, yTest));
      const [loss, accuracy] = result as number[];
      expect(text).toMatch(/4\/4 \[=+\] - .* - loss: \d\.\d{4} - accuracy: \d\.\d{4}/);
      expect(text).toContain(`loss: ${loss.toFixed(4)} - accuracy: ${accuracy.toFixed(4)}`);
    });

    it('seed 003 [X_new = X_test[:3]; y_proba = model.predict(X_new); np.argmax(...); class_names[y_pred]]', () => {
      const before = dn.tf.memory().numTensors;
      const xNew = xTest.slice(0, 3);
      const yProba = model.predict(xNew) as dn.tf.Tensor;
      expect(yProba.shape).toEqual([3, 10]);
      const rows = yProba.arraySync() as number[][];
      for (const row of rows) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      const yPredTensor = yProba.argMax(-1); // np.argmax(model.predict(X_new), axis=-1)
      const yPred = Array.from(yPredTensor.dataSync());
      expect(yPred.every((label) => Number.isInteger(label) && label >= 0 && label < 10)).toBe(true);
      // y_new = y_test[:3] → array([9, 2, 1]): 'Ankle boot', 'Pullover', 'Trouser'
      const yNew = Array.from(fashion.test.y.values.subarray(0, 3));
      expect(yNew).toEqual([9, 2, 1]);
      expect(yNew.map((label) => classNames[label])).toEqual(['Ankle boot', 'Pullover', 'Trouser']);
      expect(dn.datasets.FASHION_MNIST_CLASSES).toEqual(classNames);
      dn.tf.dispose([xNew, yProba, yPredTensor]);
      expect(dn.tf.memory().numTensors).toBe(before);
    });

    it('seed 003 [fit, evaluate, predict]: nothing is left behind once the model is disposed', () => {
      model.dispose();
      expect(dn.tf.memory().numTensors).toBe(tensorsBefore);
    });
  });
});
