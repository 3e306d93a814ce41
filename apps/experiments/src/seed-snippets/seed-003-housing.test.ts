import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as dn from 'dendrite';
import { HAS_SHARED_DATASETS, captureStdout, tempFolder, writeCaliforniaCache } from './helpers-003';

/**
 * Seed 003, the functional API and callbacks part, on California housing (8 features, as
 * `X_train.shape[1:]`): the wide-and-deep model, save/load, ModelCheckpoint, EarlyStopping,
 * TensorBoard. Keras's `california_housing.npz` layout is written from the shared StatLib file.
 */

type Tensor = dn.tf.Tensor;
let xTrain: Tensor;
let yTrain: Tensor;
let xValid: Tensor;
let yValid: Tensor;
let xTest: Tensor;
let yTest: Tensor;
let xNew: Tensor;

/** Rows as a tensor; targets in units of $100 000, as scikit-learn's fetch_california_housing. */
function tensors(x: { values: Float32Array; shape: number[] }, y: { values: Float32Array }): [Tensor, Tensor] {
  return [dn.tf.tensor2d(x.values, x.shape as [number, number]), dn.tf.tensor2d(y.values.map((v) => v / 1e5), [y.values.length, 1])];
}

/** The notes' wide-and-deep model, with the merge layer applied the tfjs way (see the first test for Keras's). */
function wideAndDeep(): dn.Functional {
  const input = dn.input({ shape: xTrain.shape.slice(1) });
  const hidden1 = dn.layers.dense({ units: 30, activation: 'relu' }).apply(input) as dn.layers.SymbolicTensor;
  const hidden2 = dn.layers.dense({ units: 30, activation: 'relu' }).apply(hidden1) as dn.layers.SymbolicTensor;
  const concat = dn.layers.concatenate().apply([input, hidden2]) as dn.layers.SymbolicTensor;
  const output = dn.layers.dense({ units: 1 }).apply(concat) as dn.layers.SymbolicTensor;
  return dn.model({ inputs: [input], outputs: [output] });
}

describe.skipIf(!HAS_SHARED_DATASETS)('seed 003: California housing with the functional API and callbacks', () => {
  beforeAll(async () => {
    await dn.selectBackend();
    dn.setSeed(42);
    const { train, test } = await dn.datasets.californiaHousing({ cacheDir: writeCaliforniaCache(600), download: false, version: 'small' });
    // X_train_full, X_test → X_train, X_valid; StandardScaler fitted on X_train
    const split = dn.datasets.trainTestSplit(train.x as { values: Float32Array; shape: number[] }, train.y as { values: Float32Array; shape: number[] }, { testSize: 120, seed: 42 });
    const scaled = (x: { values: Float32Array; shape: number[] }) => dn.datasets.normalize(x, split.xTrain);
    [xTrain, yTrain] = tensors(scaled(split.xTrain), split.yTrain);
    [xValid, yValid] = tensors(scaled(split.xTest), split.yTest);
    [xTest, yTest] = tensors(scaled(test.x as { values: Float32Array; shape: number[] }), test.y as { values: Float32Array });
    xNew = xTest.slice(0, 3);
  });

  it('seed 003 [input_ = Input(shape=X_train.shape[1:]); concatenate([input_, hidden2]); Model(inputs=[input_], outputs=[output])]', () => {
    const input = dn.input({ shape: xTrain.shape.slice(1) });
    const hidden1 = dn.layers.dense({ units: 30, activation: 'relu' }).apply(input);
    const hidden2 = dn.layers.dense({ units: 30, activation: 'relu' }).apply(hidden1 as never);
    const concat = (dn.layers.concatenate as unknown as (tensors: unknown[]) => unknown)([input, hidden2]);
    const output = dn.layers.dense({ units: 1 }).apply(concat as never);
    const model = dn.model({ inputs: [input], outputs: [output as never] });
    expect(model.outputs[0].shape).toEqual([null, 1]);
    expect(model.countParams()).toBe(1239);
    model.dispose();
  });

  it('seed 003 [model.summary()]: Connected to, 270 / 930 / 0 / 39, Total params: 1,239', () => {
    const model = wideAndDeep();
    const text = model.summary({ printFn: null });
    const [input, dense1, dense2, concat, dense3] = model.layers.map((layer) => layer.name);
    // Keras 2.4 (the notes) names it "model" with an "input_1"; Dendrite takes Keras 3's "functional" / "input_layer".
    expect(model.name).toMatch(/^functional(_\d+)?$/);
    expect(text).toContain(`Model: "${model.name}"`);
    expect(text).toMatch(new RegExp(`${input} \\(InputLayer\\)\\s+\\[\\(None, 8\\)\\]\\s+0\\s*\\n`));
    expect(text).toMatch(new RegExp(`${dense1} \\(Dense\\)\\s+\\(None, 30\\)\\s+270\\s+${input}\\[0\\]\\[0\\]`));
    expect(text).toMatch(new RegExp(`${dense2} \\(Dense\\)\\s+\\(None, 30\\)\\s+930\\s+${dense1}\\[0\\]\\[0\\]`));
    expect(text).toMatch(new RegExp(`${concat} \\(Concatenate\\)\\s+\\(None, 38\\)\\s+0\\s+${input}\\[0\\]\\[0\\]\\s*\\n\\s+${dense2}\\[0\\]\\[0\\]`));
    expect(text).toMatch(new RegExp(`${dense3} \\(Dense\\)\\s+\\(None, 1\\)\\s+39\\s+${concat}\\[0\\]\\[0\\]`));
    expect(text).toContain('Total params: 1,239\nTrainable params: 1,239\nNon-trainable params: 0');
    model.dispose();
  });

  it('seed 003 [compile(loss="mean_squared_error", SGD(lr=1e-3)); fit(epochs=20); evaluate; predict(X_new)]', async () => {
    const before = dn.tf.memory().numTensors;
    const model = wideAndDeep();
    model.compile({ loss: 'mean_squared_error', optimizer: dn.optimizers.sgd({ learningRate: 1e-3 }) });
    const { result: history, text } = await captureStdout(() => model.fit(xTrain, yTrain, { epochs: 8, validationData: [xValid, yValid] }));
    expect(text).toContain('Epoch 8/8');
    expect(text).toMatch(/12\/12 \[=+\] - .*step - loss: \d+\.\d{4} - val_loss: \d+\.\d{4}\n/);
    expect(history.history.loss[7]).toBeLessThan(history.history.loss[0]);
    expect(history.history.val_loss[7]).toBeLessThan(history.history.val_loss[0]);
    const { result: mseTest } = await captureStdout(() => model.evaluate(xTest, yTest));
    expect(typeof mseTest).toBe('number');
    expect(mseTest as number).toBeLessThan(history.history.loss[0]);
    const yPred = model.predict(xNew) as Tensor;
    expect(yPred.shape).toEqual([3, 1]);
    yPred.dispose();
    model.dispose();
    expect(dn.tf.memory().numTensors).toBe(before);
  });

  it('seed 003 [Keras 2 spelling SGD(lr=1e-3)]: refused, naming learningRate', () => {
    expect(() => dn.optimizers.sgd({ lr: 1e-3 } as never)).toThrow(/Unknown option "lr" in SGD: did you mean "learningRate"\?/);
  });

  it('seed 003 [model.save("my_keras_model.h5"); load_model; predict; save_weights / load_weights]', async () => {
    const folder = tempFolder('save');
    const model = wideAndDeep();
    model.compile({ loss: 'mse', optimizer: dn.optimizers.sgd({ learningRate: 1e-3 }) });
    await model.fit(xTrain, yTrain, { epochs: 2, verbose: 0 });
    const expected = model.predict(xNew) as Tensor;
    await model.save(join(folder, 'my_keras_model.h5'));
    const loaded = await dn.loadModel(join(folder, 'my_keras_model.h5'));
    const again = loaded.predict(xNew) as Tensor;
    expect(Array.from(again.dataSync())).toEqual(Array.from(expected.dataSync()));
    await loaded.saveWeights(join(folder, 'my_keras_weights.ckpt'));
    const zeros = loaded.getWeights().map((w) => dn.tf.zerosLike(w));
    loaded.setWeights(zeros);
    await loaded.loadWeights(join(folder, 'my_keras_weights.ckpt'));
    const restored = loaded.predict(xNew) as Tensor;
    expect(Array.from(restored.dataSync())).toEqual(Array.from(expected.dataSync()));
    dn.tf.dispose([expected, again, restored, ...zeros]);
    model.dispose();
    loaded.dispose();
  });

  describe('callbacks on one model', () => {
    let model: dn.Model;
    let checkpointPath: string;
    let checkpointCb: dn.callbacks.ModelCheckpoint;

    it('seed 003 [ModelCheckpoint("my_keras_model.h5", save_best_only=True); load_model]: the best epoch comes back', async () => {
      model = wideAndDeep();
      checkpointPath = join(tempFolder('checkpoint'), 'my_keras_model.h5');
      model.compile({ loss: 'mse', optimizer: dn.optimizers.sgd({ learningRate: 1e-3 }) });
      checkpointCb = dn.callbacks.modelCheckpoint(checkpointPath, { saveBestOnly: true });
      const history = await model.fit(xTrain, yTrain, { epochs: 6, validationData: [xValid, yValid], callbacks: [checkpointCb], verbose: 0 });
      expect(existsSync(checkpointPath)).toBe(true);
      model.dispose();
      model = await dn.loadModel(checkpointPath); // 최상의 모델로 불러옴
      const before = dn.tf.memory().numTensors;
      const best = await model.evaluate(xValid, yValid, { verbose: 0 });
      expect(best as number).toBeCloseTo(Math.min(...history.history.val_loss), 4);
      const mseTest = await model.evaluate(xTest, yTest, { verbose: 0 });
      expect(Number.isFinite(mseTest as number)).toBe(true);
      expect(dn.tf.memory().numTensors).toBe(before);
    });

    it('seed 003 [EarlyStopping(patience=10, restore_best_weights=True); epochs=100]: stops and restores the best weights', async () => {
      // 30× the notes' rate: 100 epochs of 12 batches reach the plateau that the notes' 363-batch epochs reach.
      model.compile({ loss: 'mse', optimizer: dn.optimizers.sgd({ learningRate: 3e-2 }) });
      const earlyStoppingCb = dn.callbacks.earlyStopping({ patience: 10, restoreBestWeights: true });
      const before = dn.tf.memory().numTensors;
      const history = await model.fit(xTrain, yTrain, { epochs: 100, validationData: [xValid, yValid], callbacks: [checkpointCb, earlyStoppingCb], verbose: 0 });
      expect(dn.tf.memory().numTensors).toBe(before);
      const epochs = history.history.val_loss.length;
      expect(epochs).toBeLessThan(100);
      const bestEpoch = history.history.val_loss.indexOf(Math.min(...history.history.val_loss));
      expect(epochs - 1 - bestEpoch).toBe(10);
      const restored = await model.evaluate(xValid, yValid, { verbose: 0 });
      expect(restored as number).toBeCloseTo(history.history.val_loss[bestEpoch], 4);
      model.dispose();
    });
  });

  it('seed 003 [keras.backend.clear_session(); Sequential([Dense(30, input_shape=[8]), ...])]: names start again', () => {
    (dn as unknown as { clearSession: () => void }).clearSession();
    const model = dn.sequential({ layers: [dn.layers.dense({ units: 30, activation: 'relu', inputShape: [8] }), dn.layers.dense({ units: 1 })] });
    expect(model.name).toBe('sequential');
    expect(model.layers.map((layer) => layer.name)).toEqual(['dense', 'dense_1']);
    model.dispose();
  });

  it('seed 003 [get_run_logdir(); TensorBoard(run_logdir); fit(callbacks=[checkpoint_cb, tensorboard_cb])]', async () => {
    const rootLogdir = join(tempFolder('tensorboard'), 'my_logs');
    const getRunLogdir = () => {
      const now = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      const runId = `run_${now.getFullYear()}_${pad(now.getMonth() + 1)}_${pad(now.getDate())}-${pad(now.getHours())}_${pad(now.getMinutes())}_${pad(now.getSeconds())}`;
      return join(rootLogdir, runId);
    };
    const runLogdir = getRunLogdir();
    expect(runLogdir).toMatch(/my_logs\/run_\d{4}_\d{2}_\d{2}-\d{2}_\d{2}_\d{2}$/);
    dn.setSeed(42);
    const model = dn.sequential({
      layers: [dn.layers.dense({ units: 30, activation: 'relu', inputShape: [8] }), dn.layers.dense({ units: 30, activation: 'relu' }), dn.layers.dense({ units: 1 })],
    });
    model.compile({ loss: 'mse', optimizer: dn.optimizers.sgd({ learningRate: 1e-3 }) });
    const checkpointCb = dn.callbacks.modelCheckpoint(join(rootLogdir, 'my_keras_model.h5'), { saveBestOnly: true });
    const tensorboardCb = dn.callbacks.tensorBoard(runLogdir);
    const before = dn.tf.memory().numTensors;
    const history = await model.fit(xTrain, yTrain, { epochs: 3, validationData: [xValid, yValid], callbacks: [checkpointCb, tensorboardCb], verbose: 0 });
    expect(dn.tf.memory().numTensors).toBe(before);
    expect(history.history.loss).toHaveLength(3);
    for (const run of ['train', 'validation']) expect(readdirSync(join(runLogdir, run)).some((name) => name.startsWith('events.out.tfevents.'))).toBe(true);
    model.dispose();
  });
});
