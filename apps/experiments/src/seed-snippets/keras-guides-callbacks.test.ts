import { beforeAll, describe, expect, it } from 'vitest';
import * as dn from 'dendrite';

/**
 * The Keras guide "Writing your own callbacks" (keras-io guides/writing_your_own_callbacks.py): a
 * callback overriding every hook (Keras's names in camelCase), the logs each hook receives, the
 * printing callback, early stopping at minimum loss through `model.stopTraining`, and a
 * learning-rate scheduler. MNIST digits regressed on their label, as the guide does; 1 000 rows.
 */

type Tensor = dn.tf.Tensor;
type Logs = dn.callbacks.Logs;
const { tf } = dn;
let xTrain: Tensor;
let yTrain: Tensor;
let xTest: Tensor;
let yTest: Tensor;

/** Sequential([Dense(1)]), RMSprop(learning_rate=0.1), mean_squared_error, ["mean_absolute_error"] */
function getModel(): dn.Sequential {
  const model = dn.sequential();
  model.add(dn.layers.dense({ units: 1 }));
  model.compile({ optimizer: dn.optimizers.rmsprop({ learningRate: 0.1 }), loss: 'mean_squared_error', metrics: ['mean_absolute_error'] });
  return model;
}

/** Records each hook as the guide prints it: "Starting training; got log keys: [...]". */
class CustomCallback extends dn.callbacks.Callback {
  readonly calls: Array<[string, number | null, string[]]> = [];
  private record(hook: string, index: number | null, logs?: Logs): void {
    this.calls.push([hook, index, Object.keys(logs ?? {}).sort()]);
  }
  override onTrainBegin(logs?: Logs) { this.record('on_train_begin', null, logs); }
  override onTrainEnd(logs?: Logs) { this.record('on_train_end', null, logs); }
  override onEpochBegin(epoch: number, logs?: Logs) { this.record('on_epoch_begin', epoch, logs); }
  override onEpochEnd(epoch: number, logs?: Logs) { this.record('on_epoch_end', epoch, logs); }
  override onTestBegin(logs?: Logs) { this.record('on_test_begin', null, logs); }
  override onTestEnd(logs?: Logs) { this.record('on_test_end', null, logs); }
  override onPredictBegin(logs?: Logs) { this.record('on_predict_begin', null, logs); }
  override onPredictEnd(logs?: Logs) { this.record('on_predict_end', null, logs); }
  override onTrainBatchBegin(batch: number, logs?: Logs) { this.record('on_train_batch_begin', batch, logs); }
  override onTrainBatchEnd(batch: number, logs?: Logs) { this.record('on_train_batch_end', batch, logs); }
  override onTestBatchBegin(batch: number, logs?: Logs) { this.record('on_test_batch_begin', batch, logs); }
  override onTestBatchEnd(batch: number, logs?: Logs) { this.record('on_test_batch_end', batch, logs); }
  override onPredictBatchBegin(batch: number, logs?: Logs) { this.record('on_predict_batch_begin', batch, logs); }
  override onPredictBatchEnd(batch: number, logs?: Logs) { this.record('on_predict_batch_end', batch, logs); }
}

const METRIC_KEYS = ['loss', 'mean_absolute_error'];

describe('Keras guide: writing your own callbacks', () => {
  beforeAll(async () => {
    await dn.selectBackend();
    dn.setSeed(13);
    const { train, test } = await dn.datasets.mnist();
    const rows = (images: Uint8Array, count: number) => tf.tensor2d(dn.datasets.scaleImages({ values: images.subarray(0, count * 784), shape: [count, 784] }).values, [count, 784]);
    // x_train = x_train.reshape(-1, 784).astype("float32") / 255.0 ; x_train = x_train[:1000]
    xTrain = rows(train.x.values as Uint8Array, 1000);
    yTrain = tf.tensor1d(Float32Array.from(train.y.values.subarray(0, 1000)));
    xTest = rows(test.x.values as Uint8Array, 1000);
    yTest = tf.tensor1d(Float32Array.from(test.y.values.subarray(0, 1000)));
  });

  it('guide [model.fit(batch_size=128, epochs=1, verbose=0, validation_split=0.5, callbacks=[CustomCallback()])]: every hook, in order, with its logs', async () => {
    const model = getModel();
    const callback = new CustomCallback();
    await model.fit(xTrain, yTrain, { batchSize: 128, epochs: 1, verbose: 0, validationSplit: 0.5, callbacks: [callback] });
    const trainBatches = [0, 1, 2, 3].flatMap((batch) => [
      ['on_train_batch_begin', batch, []],
      ['on_train_batch_end', batch, METRIC_KEYS],
    ]);
    const testBatches = [0, 1, 2, 3].flatMap((batch) => [
      ['on_test_batch_begin', batch, []],
      ['on_test_batch_end', batch, METRIC_KEYS],
    ]);
    expect(callback.calls).toEqual([
      ['on_train_begin', null, []],
      ['on_epoch_begin', 0, []],
      ...trainBatches,
      ['on_test_begin', null, []],
      ...testBatches,
      ['on_test_end', null, METRIC_KEYS],
      ['on_epoch_end', 0, ['loss', 'mean_absolute_error', 'val_loss', 'val_mean_absolute_error']],
      ['on_train_end', null, ['loss', 'mean_absolute_error', 'val_loss', 'val_mean_absolute_error']],
    ]);
    model.dispose();
  });

  it('guide [model.evaluate(..., callbacks=[CustomCallback()]); model.predict(..., callbacks=[CustomCallback()])]', async () => {
    const model = getModel();
    await model.fit(xTrain, yTrain, { batchSize: 128, epochs: 1, verbose: 0 });
    const evaluating = new CustomCallback();
    await model.evaluate(xTest, yTest, { batchSize: 128, verbose: 0, callbacks: [evaluating] } as never);
    expect(evaluating.calls.map(([hook]) => hook)).toEqual(['on_test_begin', ...Array(8).fill(['on_test_batch_begin', 'on_test_batch_end']).flat(), 'on_test_end']);
    expect(evaluating.calls.at(-1)![2]).toEqual(METRIC_KEYS);
    const predicting = new CustomCallback();
    const before = tf.memory().numTensors;
    const predictions = model.predict(xTest, { batchSize: 128, callbacks: [predicting] } as never) as Tensor;
    expect(predictions.shape).toEqual([1000, 1]);
    predictions.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(predicting.calls.map(([hook]) => hook)).toEqual(['on_predict_begin', ...Array(8).fill(['on_predict_batch_begin', 'on_predict_batch_end']).flat(), 'on_predict_end']);
    model.dispose();
  });

  it('guide [LossAndErrorPrintingCallback]: batch logs hold the running mean since the epoch began; the last one is the epoch\'s', async () => {
    const lines: string[] = [];
    const batchLosses: number[] = [];
    class LossAndErrorPrintingCallback extends dn.callbacks.Callback {
      override onBatchEnd(batch: number, logs?: Logs) {
        batchLosses.push(logs!.loss);
        lines.push(`Up to batch ${batch}, the average loss is ${logs!.loss.toFixed(2).padStart(7)}.`);
      }
      override onEpochEnd(epoch: number, logs?: Logs) {
        lines.push(`The average loss for epoch ${epoch} is ${logs!.loss.toFixed(2).padStart(7)} and mean absolute error is ${logs!.mean_absolute_error.toFixed(2).padStart(7)}.`);
      }
    }
    const model = getModel();
    const history = await model.fit(xTrain, yTrain, { batchSize: 128, epochs: 2, verbose: 0, callbacks: [new LossAndErrorPrintingCallback()] });
    expect(lines).toHaveLength(2 * 8 + 2);
    expect(lines[0]).toMatch(/^Up to batch 0, the average loss is +\d+\.\d\d\.$/);
    expect(batchLosses[7]).toBeCloseTo(history.history.loss[0], 5);
    expect(lines[8]).toBe(`The average loss for epoch 0 is ${history.history.loss[0].toFixed(2).padStart(7)} and mean absolute error is ${history.history.mean_absolute_error[0].toFixed(2).padStart(7)}.`);
    model.dispose();
  });

  it('guide [EarlyStoppingAtMinLoss(patience=0): self.model.stop_training = True; self.model.set_weights(self.best_weights)]', async () => {
    class EarlyStoppingAtMinLoss extends dn.callbacks.Callback {
      wait = 0;
      stoppedEpoch = 0;
      best = Infinity;
      bestWeights: Tensor[] | null = null;
      constructor(readonly patience = 0) {
        super();
      }
      override onEpochEnd(epoch: number, logs?: Logs) {
        const current = logs!.loss;
        if (current < this.best) {
          this.best = current;
          this.wait = 0;
          tf.dispose(this.bestWeights ?? []);
          this.bestWeights = this.model!.getWeights(); // record the best weights if the current result is better
        } else {
          this.wait += 1;
          if (this.wait >= this.patience) {
            this.stoppedEpoch = epoch;
            this.model!.stopTraining = true;
            this.model!.setWeights(this.bestWeights!); // restoring model weights from the end of the best epoch
          }
        }
      }
    }
    const model = getModel();
    const earlyStopping = new EarlyStoppingAtMinLoss();
    const history = await model.fit(xTrain, yTrain, { batchSize: 64, epochs: 30, verbose: 0, callbacks: [earlyStopping] });
    const epochs = history.history.loss.length;
    expect(epochs).toBeLessThan(30);
    expect(earlyStopping.stoppedEpoch).toBe(epochs - 1);
    expect(history.history.loss[epochs - 1]).toBeGreaterThanOrEqual(earlyStopping.best);
    const weights = model.getWeights();
    weights.forEach((weight, index) => expect(Array.from(weight.dataSync())).toEqual(Array.from(earlyStopping.bestWeights![index].dataSync())));
    tf.dispose([...weights, ...earlyStopping.bestWeights!]);
    model.dispose();
  });

  it('guide [CustomLearningRateScheduler(lr_schedule), LR_SCHEDULE = [(3, 0.05), (6, 0.01), (9, 0.005), (12, 0.001)]]', async () => {
    const lrSchedule: Array<[number, number]> = [[3, 0.05], [6, 0.01], [9, 0.005], [12, 0.001]];
    const schedule = (epoch: number, lr: number) => lrSchedule.find(([at]) => at === epoch)?.[1] ?? lr;
    const seen: number[] = [];
    class CustomLearningRateScheduler extends dn.callbacks.Callback {
      override onEpochBegin(epoch: number) {
        const lr = this.model!.getLearningRate(); // float(self.model.optimizer.learning_rate)
        const scheduledLr = schedule(epoch, lr);
        this.model!.setLearningRate(scheduledLr);
        seen.push(this.model!.getLearningRate()); // print("\nEpoch %05d: Learning rate is %6.4f." % (epoch, scheduled_lr))
      }
    }
    const model = getModel();
    await model.fit(xTrain, yTrain, { batchSize: 128, epochs: 15, verbose: 0, callbacks: [new CustomLearningRateScheduler()] });
    expect(seen).toEqual([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.01, 0.01, 0.01, 0.005, 0.005, 0.005, 0.001, 0.001, 0.001]);
    // self.model.optimizer.learning_rate: Keras (and tfjs-layers) expose the compiled optimizer on the model.
    const optimizer = (model as unknown as { optimizer?: dn.optimizers.Optimizer }).optimizer;
    expect(optimizer?.learningRate).toBeCloseTo(0.001, 8);
    model.dispose();
  });
});
