import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors, seededArray, seededIntArray } from '@dendrite/test-utils';
import { MeanSquaredError as MeanSquaredErrorLoss } from '../losses/mean-squared-error';
import { mean, read } from '../testing/read';
import { get } from './get-metric';
import { Mean } from './mean';
import type { Metric } from './metric';

const ROWS = 102;
const BATCH_SIZES = [7, 32, 102];

/** Targets and predictions of 102 rows for each kind of metric, with per-sample weights. */
function makeData(kind: 'regression' | 'binary' | 'categorical' | 'sparse'): { yTrue: tf.Tensor; yPred: tf.Tensor; weights: tf.Tensor } {
  const weights = tf.tensor1d(seededArray(ROWS, 5, 0, 2));
  if (kind === 'regression') return { yTrue: tf.tensor2d(seededArray(ROWS * 2, 1, 0.1, 2), [ROWS, 2]), yPred: tf.tensor2d(seededArray(ROWS * 2, 2, 0.1, 2), [ROWS, 2]), weights };
  if (kind === 'binary') {
    return { yTrue: tf.tensor2d(Float32Array.from(seededIntArray(ROWS, 3, 0, 2)), [ROWS, 1]), yPred: tf.tensor2d(seededArray(ROWS, 4, 0.01, 0.99), [ROWS, 1]), weights };
  }
  const labels = seededIntArray(ROWS, 6, 0, 4);
  const yPred = tf.tidy(() => tf.softmax(tf.tensor2d(seededArray(ROWS * 4, 7, -2, 2), [ROWS, 4])));
  const yTrue = kind === 'sparse' ? tf.tensor1d(labels, 'int32') : tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 4).toFloat());
  return { yTrue, yPred, weights };
}

/** The metric fed in batches of `batchSize` (the last one smaller), with or without the weights. */
function resultInBatches(name: string, data: ReturnType<typeof makeData>, batchSize: number, weighted: boolean): number {
  const metric: Metric = get(name);
  for (let begin = 0; begin < ROWS; begin += batchSize) {
    const size = Math.min(batchSize, ROWS - begin);
    tf.tidy(() => {
      const slice = (tensor: tf.Tensor) => tf.slice(tensor, begin, size);
      metric.updateState(slice(data.yTrue), slice(data.yPred), weighted ? slice(data.weights) : undefined);
    });
  }
  const value = metric.resultValue();
  metric.dispose();
  return value;
}

const METRICS: Array<[Parameters<typeof makeData>[0], string[]]> = [
  ['regression', ['mse', 'mae', 'mape', 'msle', 'rmse', 'huber', 'log_cosh', 'poisson', 'cosine_similarity', 'mean_squared_error']],
  ['binary', ['binary_accuracy', 'binary_crossentropy', 'hinge', 'squared_hinge']],
  ['categorical', ['categorical_accuracy', 'categorical_crossentropy', 'top_k_categorical_accuracy', 'kl_divergence', 'categorical_hinge']],
  ['sparse', ['sparse_categorical_accuracy', 'sparse_categorical_crossentropy', 'sparse_top_k_categorical_accuracy']],
];

describeEachBackend('mean metrics weigh every sample alike, whatever the batch size', () => {
  it.each(METRICS)('%s metrics agree over batches of 7, 32 and 102, with and without sample weights', async (kind, names) => {
    const data = makeData(kind);
    await expectNoLeakedTensors(() => {
      for (const name of names) {
        for (const weighted of [false, true]) {
          const [first, ...others] = BATCH_SIZES.map((batchSize) => resultInBatches(name, data, batchSize, weighted));
          // Float32 sums in another order: equal to a relative 1e-5.
          for (const other of others) expect(Math.abs(other - first), `${name}${weighted ? ' weighted' : ''}: ${other} vs ${first}`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(first)));
        }
      }
    });
    tf.dispose([data.yTrue, data.yPred, data.weights]);
  });

  it('tracks a loss as Keras does: each batch’s mean loss weighted by its size gives the mean over samples', async () => {
    const yTrue = seededArray(ROWS, 11, -1, 1);
    const yPred = seededArray(ROWS, 12, -1, 1);
    const expected = mean(Array.from(yTrue, (t, i) => (t - yPred[i]) ** 2));
    const loss = new MeanSquaredErrorLoss();
    for (const batchSize of BATCH_SIZES) {
      const tracker = new Mean({ name: 'loss' });
      await expectNoLeakedTensors(() => {
        for (let begin = 0; begin < ROWS; begin += batchSize) {
          const end = Math.min(begin + batchSize, ROWS);
          tf.tidy(() => tracker.updateState(loss.apply(tf.tensor1d(yTrue.slice(begin, end)), tf.tensor1d(yPred.slice(begin, end))), end - begin));
        }
      });
      expect(tracker.resultValue(), `batches of ${batchSize}`).toBeCloseTo(expected, 5);
      tracker.dispose();
    }
  });

  it('weighs a scalar by a number weight, and the mean of a vector by it (Keras’s scalar sample_weight)', () => {
    const tracker = new Mean();
    // Batch means 2, 5, 8, 10 of 1…10 in batches of 3, 3, 3, 1: (2·3 + 5·3 + 8·3 + 10·1) / 10 = 5.5, not (2 + 5 + 8 + 10) / 4.
    for (const [value, size] of [[2, 3], [5, 3], [8, 3], [10, 1]]) tf.tidy(() => tracker.updateState(tf.scalar(value), size));
    expect(tracker.resultValue()).toBeCloseTo(5.5, 6);
    tracker.resetState();
    tf.tidy(() => tracker.updateState(tf.tensor1d([1, 2, 3]), 5)); // total 2·5, count 5
    tf.tidy(() => tracker.updateState(tf.tensor1d([10]), 1)); // total 20, count 6
    expect(read(tracker.result())[0]).toBeCloseTo(20 / 6, 6);
    tf.tidy(() => tracker.updateState(tf.scalar(100), 0));
    expect(tracker.resultValue()).toBeCloseTo(20 / 6, 6);
    expect(() => tf.tidy(() => tracker.updateState(tf.scalar(1), -1))).toThrow('Expected sampleWeight to be a tf.Tensor or a finite number ≥ 0, received -1 in metric "mean"');
    expect(() => tf.tidy(() => tracker.updateState(tf.scalar(1), Number.NaN))).toThrow('received NaN in metric "mean"');
    tracker.dispose();
  });
});
