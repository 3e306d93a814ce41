/**
 * Seed note 001 (ANN, DNN, CNN course notes, Colab): every Keras code block, translated as a user
 * of `dendrite` would write it and run on small data — iris and Boston from `../shared/datasets`, a
 * few hundred MNIST rows, CIFAR-100 and a dogs-and-cats folder written small in their real formats.
 * Blocks are numbered in the note's order (`[block 3]`); epochs, patience and steps are cut down.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import * as dn from 'dendrite';
import { expectNoLeakedTensors, useTempDirs } from '@dendrite/test-utils';
import { describeSnippets, expectNoLeakedTensorsButState, hasSharedDatasets, meanCrossentropy, printedBy, SHARED_DATASETS, summaryCells, valuesOf, writeCifar100, writeDogsAndCats } from './helpers-000';

const { tf } = dn;
const { models, layers } = dn;
const tempDir = useTempDirs('seed-001');

let mnistData: Awaited<ReturnType<typeof dn.datasets.mnist>>;
beforeAll(async () => {
  mnistData = await dn.datasets.mnist();
});

/** A few hundred MNIST rows flattened to 784 columns in [0, 1], labels one-hot. */
function mnistRows(count: number) {
  const rows = Int32Array.from({ length: count }, (_, i) => i);
  const x = dn.datasets.scaleImages(dn.datasets.takeRows({ values: mnistData.train.x.values, shape: [60000, 784] }, rows));
  const y = dn.datasets.toCategorical(mnistData.train.y.values.subarray(0, count), 10);
  return { x, y };
}

/** The "Total/Trainable/Non-trainable params" lines of a summary. */
function paramLines(model: dn.Model): string[] {
  return model.summary({ printFn: null }).split('\n').filter((line) => line.includes('params:'));
}

/** Trains an MNIST model of the note for two epochs (compiled as the note's iris block), returning the losses. */
async function trainsOnMnist(model: dn.Sequential): Promise<number[]> {
  const { x, y } = mnistRows(256);
  model.compile({ loss: 'categorical_crossentropy', optimizer: 'adam', metrics: ['accuracy'] });
  const history = await expectNoLeakedTensorsButState(() => model.fit(x, y, { epochs: 2, batchSize: 64, verbose: 0 }));
  return history.history.loss as number[];
}

describeSnippets('seed 001', () => {
  let Model_iris: dn.Sequential;
  it('seed 001 [block 1]: Model_iris = Dense(16, relu, input_shape=(4,)) → Dense(8, relu) → Dense(3, softmax)', () => {
    // Seeded: unseeded, one CI run drew weights that left the model at chance after 30 epochs
    // (val_accuracy 0.31). Seeds 0–39 and 2045 all pass block 3's bounds, identically on both backends.
    dn.setSeed(2045);
    Model_iris = models.sequential();
    Model_iris.add(layers.dense({ units: 16, activation: 'relu', inputShape: [4] }));
    Model_iris.add(layers.dense({ units: 8, activation: 'relu' }));
    Model_iris.add(layers.dense({ units: 3, activation: 'softmax' }));
    expect(Model_iris.countParams()).toBe(4 * 16 + 16 + 16 * 8 + 8 + 8 * 3 + 3);
    expect(paramLines(Model_iris)).toEqual(['Total params: 243', 'Trainable params: 243', 'Non-trainable params: 0']);
  });

  it('seed 001 [block 2]: compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])', () => {
    Model_iris.compile({ loss: 'categorical_crossentropy', optimizer: 'adam', metrics: ['accuracy'] });
    expect(Model_iris.compiled!.optimizer.getConfig()).toMatchObject({ name: 'adam', learning_rate: 0.001 });
  });

  it.skipIf(!hasSharedDatasets)('seed 001 [block 3]: fit(epochs, batch_size=7, validation_data): 105 rows in 15 steps an epoch', async () => {
    const table = await dn.datasets.iris({ searchDirs: [SHARED_DATASETS] });
    const { xTrain: X_train, xTest: X_test, yTrain, yTest } = dn.datasets.trainTestSplit(table.x, table.y as dn.datasets.ArrayWithShape<Int32Array>, { testSize: 0.3, seed: 2045 });
    const y_train = dn.datasets.toCategorical(yTrain, 3);
    const y_test = dn.datasets.toCategorical(yTest, 3);
    expect(X_train.shape).toEqual([105, 4]);
    const batches: number[] = [];
    const counter = dn.callbacks.lambdaCallback({
      onEpochEnd: () => {
        batches.push(0);
      },
      onBatchEnd: () => {
        batches.push(1);
      },
    });
    const History_iris = await expectNoLeakedTensorsButState(() =>
      Model_iris.fit(X_train, y_train, { epochs: 30, batchSize: 7, validationData: [X_test, y_test], verbose: 0, callbacks: [counter] }),
    );
    // "105개의 train data를 7개씩 나누어서 15번 반복": 15 batches, then the epoch's end, 30 times.
    expect(History_iris.params).toMatchObject({ epochs: 30, steps: 15 });
    expect(batches.filter((mark) => mark === 1)).toHaveLength(15 * 30);
    const loss = History_iris.history.loss as number[];
    expect(loss).toHaveLength(30);
    expect(loss.at(-1)).toBeLessThan(loss[0] * 0.8);
    expect(History_iris.history.val_accuracy.at(-1)).toBeGreaterThan(0.6);
    Model_iris.dispose();
  });

  it('seed 001 [block 4]: HeNormal kernel_initializer on 512-256-10: std sqrt(2 / fan_in), then trains', async () => {
    const initializer = new layers.initializers.HeNormal();
    const mnist = models.sequential();
    mnist.add(layers.dense({ units: 512, activation: 'relu', inputShape: [28 * 28], kernelInitializer: initializer }));
    mnist.add(layers.dense({ units: 256, activation: 'relu', kernelInitializer: initializer }));
    mnist.add(layers.dense({ units: 10, activation: 'softmax', kernelInitializer: initializer }));
    const kernel = Array.from(mnist.layers[0].getWeights()[0].dataSync());
    const mean = kernel.reduce((a, b) => a + b, 0) / kernel.length;
    const std = Math.sqrt(kernel.reduce((a, b) => a + (b - mean) ** 2, 0) / kernel.length);
    // Keras draws a truncated normal scaled so the std is exactly sqrt(2 / 784) ≈ 0.0505.
    expect(std).toBeCloseTo(Math.sqrt(2 / 784), 3);
    expect(kernel.reduce((a, b) => Math.max(a, Math.abs(b)), 0)).toBeLessThanOrEqual((2 * Math.sqrt(2 / 784)) / 0.87962566 + 1e-6);
    const loss = await trainsOnMnist(mnist);
    expect(loss[1]).toBeLessThan(loss[0]);
    mnist.dispose();
  });

  it('seed 001 [block 5]: DNN 512-256-10 has 535,818 parameters and trains', async () => {
    const mnist = models.sequential();
    mnist.add(layers.dense({ units: 512, activation: 'relu', inputShape: [28 * 28] }));
    mnist.add(layers.dense({ units: 256, activation: 'relu' }));
    mnist.add(layers.dense({ units: 10, activation: 'softmax' }));
    expect(paramLines(mnist)).toEqual(['Total params: 535,818', 'Trainable params: 535,818', 'Non-trainable params: 0']);
    const loss = await trainsOnMnist(mnist);
    expect(loss[1]).toBeLessThan(loss[0]);
    mnist.dispose();
  });

  it('seed 001 [block 6]: "Model Capacity 낮추기": 512-10 has 407,050 parameters and trains', async () => {
    const mnist = models.sequential();
    mnist.add(layers.dense({ units: 512, activation: 'relu', inputShape: [28 * 28] }));
    mnist.add(layers.dense({ units: 10, activation: 'softmax' }));
    expect(paramLines(mnist)[0]).toBe('Total params: 407,050');
    const loss = await trainsOnMnist(mnist);
    expect(loss[1]).toBeLessThan(loss[0]);
    mnist.dispose();
  });

  it('seed 001 [block 7]: kernel_regularizer=regularizers.l2(0.00001) adds 1e-5 · Σw² per layer to the loss', async () => {
    const { regularizers } = layers;
    const mnist = models.sequential();
    mnist.add(layers.dense({ units: 512, activation: 'relu', inputShape: [28 * 28], kernelRegularizer: regularizers.l2(0.00001) }));
    mnist.add(layers.dense({ units: 256, activation: 'relu', kernelRegularizer: regularizers.l2(0.00001) }));
    mnist.add(layers.dense({ units: 10, activation: 'softmax' }));
    const penalties = await expectNoLeakedTensors(() => tf.tidy(() => mnist.losses.map((loss) => loss.dataSync()[0])));
    const squares = (index: number) => tf.tidy(() => tf.sum(tf.square(mnist.layers[index].getWeights()[0])).dataSync()[0]);
    expect(penalties).toHaveLength(2);
    expect(penalties[0]).toBeCloseTo(1e-5 * squares(0), 6);
    expect(penalties[1]).toBeCloseTo(1e-5 * squares(1), 6);
    // "loss가 0이 되지 않음": the reported loss is the crossentropy plus the penalties.
    const { x, y } = mnistRows(64);
    mnist.compile({ loss: 'categorical_crossentropy', optimizer: 'adam' });
    const reported = (await mnist.evaluate(x, y, { verbose: 0, batchSize: 64 })) as number;
    const crossentropy = meanCrossentropy(mnist, x, y);
    expect(reported).toBeCloseTo(crossentropy + penalties[0] + penalties[1], 4);
    const loss = await trainsOnMnist(mnist);
    expect(loss[1]).toBeLessThan(loss[0]);
    mnist.dispose();
  });

  it('seed 001 [block 8]: Dropout(0.4) and Dropout(0.2) drop only in training', async () => {
    const mnist = models.sequential();
    mnist.add(layers.dense({ units: 512, activation: 'relu', inputShape: [28 * 28] }));
    mnist.add(layers.dropout({ rate: 0.4 }));
    mnist.add(layers.dense({ units: 256, activation: 'relu' }));
    mnist.add(layers.dropout({ rate: 0.2 }));
    mnist.add(layers.dense({ units: 10, activation: 'softmax' }));
    expect(mnist.layers.filter((layer) => layer instanceof layers.Dropout).map((layer) => (layer as InstanceType<typeof layers.Dropout>).rate)).toEqual([0.4, 0.2]);
    const { x } = mnistRows(8);
    const first = valuesOf(mnist.predict(x) as dn.tf.Tensor);
    expect(valuesOf(mnist.predict(x) as dn.tf.Tensor)).toEqual(first);
    // In training, 40 % of the first hidden layer's outputs are zeroed, the rest scaled by 1 / 0.6.
    const hidden = tf.tidy(() => mnist.layers[1].apply(tf.ones([4, 512]), { training: true }) as dn.tf.Tensor);
    const kept = valuesOf(hidden);
    const zeros = kept.filter((v) => v === 0).length / kept.length;
    expect(zeros).toBeGreaterThan(0.33);
    expect(zeros).toBeLessThan(0.47);
    expect(kept.filter((v) => v !== 0).every((v) => Math.abs(v - 1 / 0.6) < 1e-5)).toBe(true);
    const loss = await trainsOnMnist(mnist);
    expect(loss[1]).toBeLessThan(loss[0]);
    mnist.dispose();
  });

  it('seed 001 [block 9]: Dense → BatchNormalization → Activation("relu"): 538,890 params, 1,536 not trainable', async () => {
    const mnist = models.sequential();
    mnist.add(layers.dense({ units: 512, inputShape: [28 * 28] }));
    mnist.add(layers.batchNormalization());
    mnist.add(layers.activation({ activation: 'relu' }));
    mnist.add(layers.dense({ units: 256 }));
    mnist.add(layers.batchNormalization());
    mnist.add(layers.activation({ activation: 'relu' }));
    mnist.add(layers.dense({ units: 10, activation: 'softmax' }));
    expect(paramLines(mnist)).toEqual(['Total params: 538,890', 'Trainable params: 537,354', 'Non-trainable params: 1,536']);
    const movingMean = () => valuesOf(tf.clone(mnist.layers[1].getWeights()[2]));
    expect(new Set(movingMean())).toEqual(new Set([0]));
    const loss = await trainsOnMnist(mnist);
    expect(loss[1]).toBeLessThan(loss[0]);
    expect(movingMean().some((v) => v !== 0)).toBe(true);
    mnist.dispose();
  });

  it.skipIf(!hasSharedDatasets)('seed 001 [blocks 10–12]: EarlyStopping(val_mae) and ModelCheckpoint("best_boston.h5", save_best_only) in fit(batch_size=1)', async () => {
    dn.setSeed(12);
    const { train, test } = await dn.datasets.bostonHousing({ searchDirs: [SHARED_DATASETS] });
    const take = (table: typeof train, count: number) => {
      const rows = Int32Array.from({ length: count }, (_, i) => i);
      return { x: dn.datasets.takeRows(table.x, rows), y: dn.datasets.takeRows(table.y as dn.datasets.ArrayWithShape<Float32Array>, rows) };
    };
    const small = take(train, 24);
    const valid = take(test, 24);
    const X_train = dn.datasets.normalize(small.x);
    const X_valid = dn.datasets.normalize(valid.x, small.x);
    const model = models.sequential();
    model.add(layers.dense({ units: 64, activation: 'relu', inputShape: [13] }));
    model.add(layers.dense({ units: 64, activation: 'relu' }));
    model.add(layers.dense({ units: 1 }));
    // The note does not show this model's compile; rmsprop at 0.01 overfits 24 rows within a few epochs.
    model.compile({ optimizer: dn.optimizers.rmsprop({ learningRate: 0.01 }), loss: 'mse', metrics: ['mae'] });

    const PATIENCE = 3; // the note's 50, cut with the epochs
    const es = dn.callbacks.earlyStopping({ monitor: 'val_mae', mode: 'min', patience: PATIENCE, verbose: 1 });
    const path = join(tempDir(), 'best_boston.h5');
    const mc = dn.callbacks.modelCheckpoint(path, { monitor: 'val_mae', mode: 'min', saveBestOnly: true, verbose: 1 });
    const { result: hist_model, lines } = await printedBy(() =>
      expectNoLeakedTensorsButState(() => model.fit(X_train, small.y, { epochs: 500, batchSize: 1, validationData: [X_valid, valid.y], callbacks: [es, mc], verbose: 0 })),
    );
    const valMae = hist_model.history.val_mae as number[];
    const best = Math.min(...valMae);
    const bestEpoch = valMae.indexOf(best);
    // Stopped PATIENCE epochs after the best one, long before 500.
    expect(valMae.length).toBeLessThan(500);
    expect(valMae.length).toBe(bestEpoch + 1 + PATIENCE);
    expect(lines).toContain(`Epoch ${valMae.length}: early stopping`);
    expect(lines.filter((line) => line.includes('improved from inf to'))).toHaveLength(1);
    expect(lines.some((line) => line.includes(`saving model to ${path}`))).toBe(true);
    // The file holds the best epoch's model: it scores the best val_mae on the validation data.
    expect(existsSync(path)).toBe(true);
    const restored = await dn.loadModel(path);
    const [, mae] = (await restored.evaluate(X_valid, valid.y, { verbose: 0 })) as number[];
    expect(mae).toBeCloseTo(best, 4);
    restored.dispose();
    model.dispose();
  });

  it('seed 001 [block 13]: ImageDataGenerator(rescale=1./255).flow_from_directory(target_size=(150, 150), batch_size=20, class_mode="binary")', async () => {
    // Seeded here, not left to the stream of blocks 10–12, whose length depends on when early stopping
    // ends their fit: one such stream drew a model whose output stayed 0.5 (loss ln 2 from epoch 1 on).
    // Seeded alone, seeds 0–39 all train (the loss falls by 0.008–0.18 in 3 epochs; 0.097 for 13).
    dn.setSeed(13);
    const root = tempDir();
    // Photos of other sizes than 150×150 (as the real ones), resized on loading by target_size.
    const train_dir = writeDogsAndCats(join(root, 'train'), 11, 64, 48);
    const valid_dir = writeDogsAndCats(join(root, 'validation'), 3, 64, 48);
    const train_datagen = new dn.augment.ImageDataGenerator({ rescale: 1 / 255 });
    const valid_datagen = new dn.augment.ImageDataGenerator({ rescale: 1 / 255 });
    const { result: generators, lines } = await printedBy(() => ({
      train_generator: train_datagen.flowFromDirectory(train_dir, { targetSize: [150, 150], batchSize: 20, classMode: 'binary' }),
      valid_generator: valid_datagen.flowFromDirectory(valid_dir, { targetSize: [150, 150], batchSize: 20, classMode: 'binary' }),
    }));
    expect(lines).toEqual(['Found 22 images belonging to 2 classes.', 'Found 6 images belonging to 2 classes.']);
    const { train_generator, valid_generator } = generators;
    expect(train_generator.length).toBe(2);
    const batch = train_generator.nextBatch();
    expect(batch.x.shape).toEqual([20, 150, 150, 3]);
    expect(batch.y!.shape).toEqual([20]);
    const labels = valuesOf(batch.y!);
    expect(new Set(labels)).toEqual(new Set([0, 1]));
    const pixels = valuesOf(batch.x);
    expect(Math.max(...pixels.slice(0, 20000))).toBeLessThanOrEqual(1);
    expect(Math.min(...pixels.slice(0, 20000))).toBeGreaterThanOrEqual(0);

    // [block 15]: fit(train_generator, steps_per_epoch=100, epochs=100, validation_data=valid_generator, validation_steps=50), cut to 2, 3 and 1.
    const model = models.sequential();
    model.add(layers.conv2d({ filters: 4, kernelSize: [3, 3], strides: 3, activation: 'relu', inputShape: [150, 150, 3] }));
    model.add(layers.maxPool2d({ poolSize: [5, 5] }));
    model.add(layers.flatten());
    model.add(layers.dense({ units: 1, activation: 'sigmoid' }));
    model.compile({ optimizer: 'adam', loss: 'binary_crossentropy', metrics: ['accuracy'] });
    const Hist_model = await expectNoLeakedTensorsButState(() =>
      model.fit(train_generator, { stepsPerEpoch: 2, epochs: 3, validationData: valid_generator, validationSteps: 1, verbose: 0 }),
    );
    expect(Hist_model.params).toMatchObject({ epochs: 3, steps: 2 });
    expect(Hist_model.history.loss).toHaveLength(3);
    expect(Hist_model.history.val_loss).toHaveLength(3);
    expect(Hist_model.history.loss.at(-1)).toBeLessThan(Hist_model.history.loss[0]);
    model.dispose();
  });

  it('seed 001 [block 14]: the CIFAR-100 CNN (Conv2D 128 ×3, Dense 256, Dense 100): 1,143,908 params, trains', async () => {
    const model = models.sequential();
    model.add(layers.conv2d({ filters: 128, kernelSize: [3, 3], padding: 'same', activation: 'relu', inputShape: [32, 32, 3] }));
    model.add(layers.maxPool2d({ poolSize: [2, 2] }));
    model.add(layers.conv2d({ filters: 128, kernelSize: [3, 3], activation: 'relu' }));
    model.add(layers.maxPool2d({ poolSize: [2, 2] }));
    model.add(layers.conv2d({ filters: 128, kernelSize: [3, 3], activation: 'relu' }));
    model.add(layers.flatten());
    model.add(layers.dense({ units: 256, activation: 'relu' }));
    model.add(layers.dropout({ rate: 0.5 }));
    model.add(layers.dense({ units: 100, activation: 'softmax' }));
    expect(summaryCells(model).map(([, shape, params]) => [shape, params])).toEqual([
      ['(None, 32, 32, 128)', '3584'],
      ['(None, 16, 16, 128)', '0'],
      ['(None, 14, 14, 128)', '147584'],
      ['(None, 7, 7, 128)', '0'],
      ['(None, 5, 5, 128)', '147584'],
      ['(None, 3200)', '0'],
      ['(None, 256)', '819456'],
      ['(None, 256)', '0'],
      ['(None, 100)', '25700'],
    ]);
    expect(paramLines(model)[0]).toBe('Total params: 1,143,908');
    // CIFAR-100 written small in its real format: 12 training images of classes 3 and 7.
    const cacheDir = tempDir();
    mkdirSync(cacheDir, { recursive: true });
    writeCifar100(cacheDir, [3, 7, 3, 7, 3, 7, 3, 7, 3, 7, 3, 7], [3, 7], (label, n, channel, p) => (label === 3 ? (p % 32 < 16 ? 200 : 30) : p % 32 < 16 ? 30 : 200) + ((n + channel) % 5));
    const { train } = await dn.datasets.cifar100({ cacheDir, download: false });
    expect(train.x.shape).toEqual([12, 32, 32, 3]);
    const x = dn.datasets.scaleImages(train.x);
    const y = dn.datasets.toCategorical(train.y, 100);
    model.compile({ optimizer: 'adam', loss: 'categorical_crossentropy', metrics: ['accuracy'] });
    const history = await expectNoLeakedTensorsButState(() => model.fit(x, y, { epochs: 2, batchSize: 12, verbose: 0 }));
    expect(history.history.loss[1]).toBeLessThan(history.history.loss[0]);
    model.dispose();
  });

  it('seed 001 [block 16]: ImageDataGenerator(rotation 40, shifts 0.2, shear 0.2, zoom 0.2, flips, fill_mode="nearest") augments', async () => {
    const datagen = new dn.augment.ImageDataGenerator({
      rotationRange: 40,
      widthShiftRange: 0.2,
      heightShiftRange: 0.2,
      shearRange: 0.2,
      zoomRange: 0.2,
      horizontalFlip: true,
      verticalFlip: true,
      fillMode: 'nearest',
    });
    // One 16×16 grey image with a bright square: augmented copies move it, never leave the value range.
    const values = new Float32Array(16 * 16 * 3).map((_, i) => {
      const p = Math.floor(i / 3);
      return p % 16 >= 4 && p % 16 < 8 && Math.floor(p / 16) >= 2 && Math.floor(p / 16) < 9 ? 250 : 50;
    });
    const image = { values, shape: [1, 16, 16, 3] };
    await expectNoLeakedTensors(() => {
      const flow = datagen.flow(image, undefined, { batchSize: 1, seed: 3 });
      const copies = Array.from({ length: 6 }, () => valuesOf(flow.nextBatch().x));
      for (const copy of copies) {
        expect(copy).toHaveLength(values.length);
        // fill_mode "nearest" copies edge pixels: no value outside the image's own range appears.
        expect(Math.min(...copy)).toBeGreaterThanOrEqual(50 - 1e-3);
        expect(Math.max(...copy)).toBeLessThanOrEqual(250 + 1e-3);
      }
      expect(copies.filter((copy) => copy.some((v, i) => Math.abs(v - values[i]) > 1)).length).toBeGreaterThanOrEqual(5);
      expect(new Set(copies.map((copy) => copy.join(','))).size).toBe(6);
    });
  });
});
