import { afterEach, describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { type Loss, get as getLoss, metrics } from '@dendrite/losses';
import { expectArraysClose } from '@dendrite/test-utils';
import { MetricSet } from './metric-set';

const mse = () => getLoss('mse');
const sets: MetricSet[] = [];
/** A MetricSet disposed after the test. */
function metricSet(...args: ConstructorParameters<typeof MetricSet>): MetricSet {
  const set = new MetricSet(...args);
  sets.push(set);
  return set;
}
afterEach(() => {
  for (const set of sets.splice(0)) set.dispose();
});

/** Updates `set` with one batch inside a tidy, as the steps do. */
function update(set: MetricSet, y: number[][][], predictions: number[][][], total: number, perOutput: number[] = [], sampleWeight?: number[]) {
  tf.tidy(() => {
    set.update(
      y.map((values) => tf.tensor2d(values)),
      predictions.map((values) => tf.tensor2d(values)),
      sampleWeight && tf.tensor1d(sampleWeight),
      tf.scalar(total),
      perOutput.map((value) => tf.scalar(value)),
    );
  });
}

describe('MetricSet names', () => {
  it("logs loss, each output's loss when there are several, then each output's metrics, prefixed", () => {
    expect(metricSet(['out'], ['mae', 'mse'], [mse()]).names()).toEqual(['loss', 'mae', 'mse']);
    expect(metricSet(['a', 'b'], ['mae'], [mse(), mse()]).names()).toEqual(['loss', 'a_loss', 'b_loss', 'a_mae', 'b_mae']);
    expect(metricSet(['a', 'b'], [['mae'], ['mse', 'mae']], [mse(), mse()]).names()).toEqual(['loss', 'a_loss', 'b_loss', 'a_mae', 'b_mse', 'b_mae']);
    expect(metricSet(['a', 'b'], { b: 'mae' }, [mse(), mse()]).names()).toEqual(['loss', 'a_loss', 'b_loss', 'b_mae']);
    expect(metricSet(['a', 'b'], { a: ['mse', 'mae'] }, [mse(), mse()]).names()).toEqual(['loss', 'a_loss', 'b_loss', 'a_mse', 'a_mae']);
    expect(metricSet(['out'], [], [mse()]).names()).toEqual(['loss']);
  });

  it('names weighted metrics weighted_<name> only when the same name is among the plain metrics', () => {
    expect(metricSet(['out'], ['mae'], [mse()], ['mae', 'mse']).names()).toEqual(['loss', 'mae', 'weighted_mae', 'mse']);
    expect(metricSet(['a', 'b'], { a: 'mae' }, [mse(), mse()], ['mae']).names()).toEqual(['loss', 'a_loss', 'b_loss', 'a_mae', 'a_weighted_mae', 'b_mae']);
  });

  it('names a function by its name, an anonymous one custom_metric, a config by its name or class, a Metric by its name', () => {
    function myMetric(yTrue: tf.Tensor, yPred: tf.Tensor) {
      return tf.abs(tf.sub(yTrue, yPred));
    }
    const anonymous = [(yTrue: tf.Tensor, yPred: tf.Tensor) => tf.sub(yTrue, yPred)][0];
    const instance = new metrics.MeanAbsoluteError({ name: 'my_mae' });
    const identifiers = [myMetric, anonymous, { class_name: 'MeanAbsoluteError', config: { name: 'named' } }, { class_name: 'MeanSquaredError' }, instance];
    expect(metricSet(['out'], identifiers as never, [mse()]).names()).toEqual(['loss', 'myMetric', 'custom_metric', 'named', 'MeanSquaredError', 'my_mae']);
  });

  it('refuses a list of lists of the wrong length and unknown output keys, naming the outputs', () => {
    expect(() => metricSet(['a', 'b'], [['mae']], [mse(), mse()])).toThrow(new Error('Expected 2 metric lists (one per output: a, b), received 1'));
    expect(() => metricSet(['a', 'b'], { a: 'mae', c: 'mse', d: 'mse' }, [mse(), mse()])).toThrow(new Error('Expected metrics keyed by output names (a, b), received unknown keys [c, d]'));
    expect(() => metricSet(['a'], ['mae'], [mse()], [['mae'], ['mse']])).toThrow(new Error('Expected 1 metric lists (one per output: a), received 2'));
  });
});

describe('MetricSet values', () => {
  it('reads zeros before any batch, one per logged name', async () => {
    const set = metricSet(['a', 'b'], ['mae'], [mse(), mse()]);
    expect(set.read()).toEqual([0, 0, 0, 0, 0]);
    expect(await set.readAsync()).toEqual([0, 0, 0, 0, 0]);
  });

  it('weighs each batch loss by its sample count, and counts a metric over every sample', async () => {
    const set = metricSet(['out'], ['mae'], [mse()]);
    // Batches of 3 and 1 with mean losses 2 and 6: (3·2 + 1·6) / 4 = 3. |errors| 1, 2, 3 then 6: mae 3.
    update(set, [[[1], [2], [3]]], [[[0], [0], [0]]], 2);
    update(set, [[[6]]], [[[0]]], 6);
    expectArraysClose(set.read(), [3, 3]);
    expectArraysClose(await set.readAsync(), [3, 3]);
    set.reset();
    update(set, [[[1]]], [[[0]]], 5);
    expectArraysClose(set.read(), [5, 1]);
  });

  it("weighs each output's loss by that output's sample count", () => {
    const set = metricSet(['a', 'b'], [], [mse(), mse()]);
    // Output a has 2 samples a batch, output b 1 (as a model may give): each tracker counts its own.
    update(set, [[[0], [0]], [[0]]], [[[0], [0]], [[0]]], 4, [1, 3]);
    update(set, [[[0], [0]], [[0]]], [[[0], [0]], [[0]]], 1, [4, 6]);
    // loss: (2·4 + 2·1) / 4 = 2.5; a: (2·1 + 2·4) / 4 = 2.5; b: (1·3 + 1·6) / 2 = 4.5.
    update(set, [[[0]], [[0], [0], [0]]], [[[0]], [[0], [0], [0]]], 0, [0, 9.5]);
    // loss: (10 + 0) / 5 = 2; a: (10 + 0) / 5 = 2; b: (9 + 3·9.5) / 5 = 7.5.
    expectArraysClose(set.read(), [2, 2, 7.5]);
  });

  it('weighs weighted metrics by the sample weights, plain ones not', () => {
    const set = metricSet(['out'], ['mae'], [mse()], ['mae']);
    // |errors| 1, 3 with weights 3, 1: plain 2, weighted (3 + 3) / 4 = 1.5.
    update(set, [[[1], [3]]], [[[0], [0]]], 0, [], [3, 1]);
    expectArraysClose(set.read(), [0, 2, 1.5]);
  });

  it("picks each output's accuracy from that output's loss and shapes", () => {
    const losses: Loss[] = [getLoss('categorical_crossentropy'), getLoss('binary_crossentropy')];
    const set = metricSet(['a', 'b'], ['accuracy'], losses);
    const y = [[0, 1], [1, 0]];
    const p = [[0.6, 0.7], [0.9, 0.2]];
    // Categorical (argmax 1, 0 against 1, 0): 1. Binary (thresholded [[1, 1], [1, 0]] against y): 3 / 4.
    update(set, [y, y], [p, p], 0, [0, 0]);
    expectArraysClose(set.read(), [0, 0, 0, 1, 0.75]);
  });

  it('frees every tensor on dispose, and reading leaks nothing', () => {
    const before = tf.memory().numTensors;
    const set = new MetricSet(['a', 'b'], ['mae'], [mse(), mse()], ['mse']);
    update(set, [[[1]], [[2]]], [[[0]], [[0]]], 1, [1, 2], [1]);
    const afterUpdate = tf.memory().numTensors;
    set.read();
    expect(tf.memory().numTensors).toBe(afterUpdate);
    set.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
