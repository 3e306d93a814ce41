/**
 * Seed note 002 ("01. Basic": Keras 2 on MNIST): every code cell, translated as a user of
 * `dendrite` would write it and run in the note's order on a few hundred MNIST rows, one session per
 * backend. Keras 2.2's own names (`dense_1`, the `acc` history key) are those of its time; the
 * translation expects today's Keras names (`dense`, `accuracy`), as `tf.keras` and Keras 3 give.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import * as dn from 'dendrite';
import { expectNoLeakedTensors, useTempDirs } from '@dendrite/test-utils';
import { plotHistory } from '../plot';
import { describeSnippets, expectNoLeakedTensorsButState, meanCrossentropy, printedBy, valuesOf } from './helpers-000';

const { tf } = dn;
const { Sequential } = dn;
const { dense, activation, dropout } = dn.layers;
const tempDir = useTempDirs('seed-002');
const TRAIN_ROWS = 640;
const TEST_ROWS = 200;

let loaded: Awaited<ReturnType<typeof dn.datasets.mnist>>;
beforeAll(async () => {
  loaded = await dn.datasets.mnist();
});

/** `model.predict_classes(x)` of Keras 2 (removed in Keras 2.6): the argmax of `predict`. */
function predictClasses(model: dn.Model, x: dn.tf.Tensor | dn.models.ArrayWithShape): number[] {
  return valuesOf(tf.tidy(() => tf.argMax(model.predict(x) as dn.tf.Tensor, -1)));
}

describeSnippets('seed 002', () => {
  it('seed 002 [cell 1]: Dense(12, input_dim=8, kernel_initializer="random_uniform") builds with weights in ±0.05', () => {
    dn.clearSession(); // the notebook's fresh kernel: the names below count from here
    dn.setSeed(2019);
    const model = new Sequential();
    try {
      model.add(dense({ units: 12, inputDim: 8, kernelInitializer: 'random_uniform' }));
      expect(model.built).toBe(true);
      expect(model.countParams()).toBe(8 * 12 + 12);
      const kernel = Array.from(model.layers[0].getWeights()[0].dataSync());
      expect(kernel).toHaveLength(96);
      expect(kernel.every((w) => w >= -0.05 && w <= 0.05)).toBe(true);
    } finally {
      model.dispose();
      dn.clearSession(); // the note's cell is commented out: it named nothing in the kernel
      dn.setSeed(2019);
    }
  });

  // Cell 2: the constants.
  const NB_EPOCH = 3; // the note's 20, cut
  const BATCH_SIZE = 128;
  const VERBOSE = 1;
  const NB_CLASSES = 10;
  const N_HIDDEN = 128;
  const VALIDATION_SPLIT = 0.2;
  const DROPOUT = 0.3;
  let OPTIMIZER: ReturnType<typeof dn.optimizers.adam>;
  let MODEL_DIR: string;
  it('seed 002 [cell 2]: OPTIMIZER = Adam() and the training constants', () => {
    OPTIMIZER = dn.optimizers.adam();
    expect(OPTIMIZER.getConfig()).toMatchObject({ name: 'adam', learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999 });
  });

  let X_train: dn.datasets.ArrayWithShape<Float32Array>;
  let X_test: dn.datasets.ArrayWithShape<Float32Array>;
  let Y_train: dn.datasets.ArrayWithShape<Float32Array>;
  let Y_test: dn.datasets.ArrayWithShape<Float32Array>;
  it('seed 002 [cells 3–5]: mnist.load_data() shapes ((60000, 28, 28), (60000,), (10000, 28, 28), (10000,)), reshaped, scaled, one-hot', async () => {
    const { train, test } = await dn.datasets.mnist();
    const shapes = [train.x.shape, train.y.shape, test.x.shape, test.y.shape];
    expect(shapes).toEqual([[60000, 28, 28], [60000], [10000, 28, 28], [10000]]);
    const RESHAPED = 784;
    const rows = (count: number) => Int32Array.from({ length: count }, (_, i) => i);
    X_train = dn.datasets.scaleImages(dn.datasets.takeRows({ values: loaded.train.x.values, shape: [60000, RESHAPED] }, rows(TRAIN_ROWS)));
    X_test = dn.datasets.scaleImages(dn.datasets.takeRows({ values: loaded.test.x.values, shape: [10000, RESHAPED] }, rows(TEST_ROWS)));
    Y_train = dn.datasets.toCategorical(loaded.train.y.values.subarray(0, TRAIN_ROWS), NB_CLASSES);
    Y_test = dn.datasets.toCategorical(loaded.test.y.values.subarray(0, TEST_ROWS), NB_CLASSES);
    expect(X_train.shape).toEqual([TRAIN_ROWS, 784]);
    expect(Y_test.shape).toEqual([TEST_ROWS, 10]);
  });

  let model: dn.Sequential;
  it('seed 002 [cell 6]: Dense/Activation/Dropout model: summary table as the note prints it', async () => {
    model = new Sequential();
    model.add(dense({ units: N_HIDDEN, inputShape: [784] }));
    model.add(activation({ activation: 'relu' }));
    model.add(dropout({ rate: DROPOUT }));
    model.add(dense({ units: N_HIDDEN }));
    model.add(activation({ activation: 'relu' }));
    model.add(dropout({ rate: DROPOUT }));
    model.add(dense({ units: NB_CLASSES }));
    model.add(activation({ activation: 'softmax' }));
    const { result: summary, lines } = await printedBy(() => model.summary());
    expect(lines.join('\n')).toBe(summary);
    expect(summary.split('\n')).toEqual([
      'Model: "sequential"',
      '_________________________________________________________________',
      'Layer (type)                 Output Shape              Param #   ',
      '=================================================================',
      'dense (Dense)                (None, 128)               100480    ',
      '_________________________________________________________________',
      'activation (Activation)      (None, 128)               0         ',
      '_________________________________________________________________',
      'dropout (Dropout)            (None, 128)               0         ',
      '_________________________________________________________________',
      'dense_1 (Dense)              (None, 128)               16512     ',
      '_________________________________________________________________',
      'activation_1 (Activation)    (None, 128)               0         ',
      '_________________________________________________________________',
      'dropout_1 (Dropout)          (None, 128)               0         ',
      '_________________________________________________________________',
      'dense_2 (Dense)              (None, 10)                1290      ',
      '_________________________________________________________________',
      'activation_2 (Activation)    (None, 10)                0         ',
      '=================================================================',
      'Total params: 118,282',
      'Trainable params: 118,282',
      'Non-trainable params: 0',
      '_________________________________________________________________',
    ]);
  });

  it('seed 002 [cell 7]: compile(loss="categorical_crossentropy", optimizer=OPTIMIZER, metrics=["accuracy"])', () => {
    model.compile({ loss: 'categorical_crossentropy', optimizer: OPTIMIZER, metrics: ['accuracy'] });
    expect(model.compiled!.optimizer).toBe(OPTIMIZER);
  });

  let checkpoint: dn.callbacks.ModelCheckpoint;
  it('seed 002 [cell 8]: ModelCheckpoint(filepath=os.path.join(MODEL_DIR, "model-{epoch:02d}.h5"))', () => {
    MODEL_DIR = join(tempDir(), 'tmp');
    checkpoint = dn.callbacks.modelCheckpoint({ filepath: join(MODEL_DIR, 'model-{epoch:02d}.h5') } as never);
    expect(checkpoint.filepath).toBe(join(MODEL_DIR, 'model-{epoch:02d}.h5'));
  });

  let history: dn.models.History;
  it('seed 002 [cell 9]: fit(batch_size=128, epochs, verbose=1, validation_split=0.2, callbacks=[checkpoint]): a file per epoch, loss falls', async () => {
    const { result, stdout } = await printedBy(() =>
      expectNoLeakedTensorsButState(() =>
        model.fit(X_train, Y_train, { batchSize: BATCH_SIZE, epochs: NB_EPOCH, verbose: VERBOSE, validationSplit: VALIDATION_SPLIT, callbacks: [checkpoint] }),
      ),
    );
    history = result;
    // 640 rows: 512 train in 4 steps of 128, 128 validate.
    expect(stdout).toContain('Epoch 1/3');
    expect(stdout).toMatch(/4\/4 \[=+\].* - loss: \d\.\d{4} - accuracy: \d\.\d{4} - val_loss: \d\.\d{4} - val_accuracy: \d\.\d{4}/);
    expect(readdirSync(MODEL_DIR).sort()).toEqual(['model-01.h5', 'model-02.h5', 'model-03.h5']);
    const loss = history.history.loss as number[];
    expect(loss.at(-1)).toBeLessThan(loss[0]);
    expect(history.history.val_accuracy.at(-1)).toBeGreaterThan(0.5);
  });

  it('seed 002 [cell 10]: evaluate prints "Test score:" and "Test accuracy:"', async () => {
    const { result: score, lines, stdout } = await printedBy(() =>
      expectNoLeakedTensorsButState(async () => {
        const score = (await model.evaluate(X_test, Y_test, { verbose: VERBOSE })) as number[];
        console.log('Test score:', score[0]);
        console.log('Test accuracy:', score[1]);
        return score;
      }),
    );
    // The score is the mean loss over the 200 samples, though the last of the 7 batches holds only 8.
    expect(score[0]).toBeCloseTo(meanCrossentropy(model, X_test, Y_test), 4);
    expect(lines[0]).toMatch(/^Test score: \d+\.\d+$/);
    expect(Number(lines[0].replace('Test score: ', ''))).toBeLessThan(Math.log(10)); // below an untrained model's crossentropy
    const accuracy = Number(lines[1].replace('Test accuracy: ', ''));
    expect(accuracy).toBeGreaterThan(0.5);
    expect(accuracy).toBeLessThanOrEqual(1);
    // verbose=1 prints the progress bar, as the note shows ("10000/10000 [====…] - 0s 26us/step"): 200 rows in 7 batches.
    expect(stdout).toMatch(/7\/7 \[=+\]/);
  });

  it('seed 002 [cell 11]: history.history.keys()', () => {
    expect(Object.keys(history.history).sort()).toEqual(['accuracy', 'loss', 'val_accuracy', 'val_loss']);
    for (const values of Object.values(history.history)) expect(values).toHaveLength(NB_EPOCH);
  });

  it('seed 002 [cells 12–13]: plt.plot of accuracy / val_accuracy and loss / val_loss', async () => {
    const dir = tempDir();
    await plotHistory({ accuracy: history.history.accuracy as number[], val_accuracy: history.history.val_accuracy as number[] }, 'model accuracy', join(dir, 'accuracy.svg'));
    await plotHistory({ loss: history.history.loss as number[], val_loss: history.history.val_loss as number[] }, 'model loss', join(dir, 'loss.svg'));
    const svg = readFileSync(join(dir, 'accuracy.svg'), 'utf8');
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('model accuracy');
    expect(readFileSync(join(dir, 'loss.svg'), 'utf8')).toContain('model loss');
  });

  let before: number[];
  it('seed 002 [cells 14–15]: predict_classes(X_test[0].reshape(-1, 784)) is [7], as Y_test[0]', async () => {
    const first = { values: X_test.values.subarray(0, 784), shape: [1, 784] };
    const predictions = await expectNoLeakedTensors(() => predictClasses(model, first));
    expect(predictions).toEqual([7]);
    expect(Array.from(Y_test.values.subarray(0, 10))).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    before = valuesOf(model.predict(first) as dn.tf.Tensor);
  });

  it('seed 002 [cells 16–19]: model.save("mnist.h5"), del model, load_model("mnist.h5") predicts [7] again', async () => {
    const path = join(tempDir(), 'mnist.h5');
    await model.save(path);
    expect(existsSync(path)).toBe(true);
    model.dispose(); // del model
    const restored = await dn.loadModel(path);
    expect(restored).toBeInstanceOf(Sequential);
    expect(restored.layers.map((layer) => layer.name)).toEqual(['dense', 'activation', 'dropout', 'dense_1', 'activation_1', 'dropout_1', 'dense_2', 'activation_2']);
    const first = { values: X_test.values.subarray(0, 784), shape: [1, 784] };
    expect(predictClasses(restored, first)).toEqual([7]);
    const after = valuesOf(restored.predict(first) as dn.tf.Tensor);
    after.forEach((p, i) => expect(p).toBeCloseTo(before[i], 6));
    // The optimizer came back too: training resumes from Adam's saved state.
    expect(restored.compiled?.optimizer.className).toBe('Adam');
    restored.dispose();
  });
});
