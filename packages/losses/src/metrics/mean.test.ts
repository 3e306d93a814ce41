import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { runMetricTest } from '@dendrite/losses/testing';
import { mean, read } from '../testing/read';
import { Mean, MeanMetricWrapper, Sum } from './mean';

describeEachBackend('Mean, Sum and MeanMetricWrapper', () => {
  it('Mean weights its values as Keras’s docstring', () => {
    const metric = new Mean();
    tf.tidy(() => metric.updateState(tf.tensor1d([1, 3, 5, 7])));
    expect(metric.resultValue()).toBe(4);
    metric.resetState();
    tf.tidy(() => metric.updateState(tf.tensor1d([1, 3, 5, 7]), tf.tensor1d([1, 1, 0, 0])));
    expect(metric.resultValue()).toBe(2);
    metric.dispose();
  });

  it('Mean averages extra axes per sample, weights per sample or per value', () => {
    const metric = new Mean();
    tf.tidy(() => metric.updateState(tf.tensor2d([[1, 3], [5, 7]]), tf.tensor1d([3, 1])));
    expect(metric.resultValue()).toBeCloseTo((3 * 2 + 6) / 4, 6);
    metric.resetState();
    tf.tidy(() => metric.updateState(tf.tensor2d([[1, 3], [5, 7]]), tf.tensor2d([[1, 0], [1, 1]])));
    expect(metric.resultValue()).toBeCloseTo((1 + 5 + 7) / 3, 6);
    metric.resetState();
    tf.tidy(() => metric.updateValues(tf.scalar(4)));
    tf.tidy(() => metric.updateValues(tf.scalar(2)));
    tf.tidy(() => metric.updateValues(tf.zeros([0])));
    expect(metric.resultValue()).toBe(3);
    expect(() => tf.tidy(() => metric.updateState(tf.tensor1d([1, 2]), tf.tensor1d([1, 2, 3])))).toThrow(
      'Expected sampleWeight of shape [2] (one per sample) or broadcastable to [2], received [3] in metric "mean"',
    );
    metric.dispose();
  });

  it('Sum adds weighted values, extra axes summed', () => {
    const metric = new Sum();
    tf.tidy(() => metric.updateState(tf.tensor1d([1, 3, 5, 7]), tf.tensor1d([1, 1, 0, 0])));
    tf.tidy(() => metric.updateState(tf.tensor2d([[1, 2], [3, 4]])));
    expect(metric.resultValue()).toBe(14);
    metric.dispose();
  });

  it('MeanMetricWrapper streams a per-sample function over uneven batches', async () => {
    const yTrue = [[1], [2], [3], [4], [5], [6], [7], [8], [9]];
    const yPred = [[1], [3], [3], [2], [5], [9], [7], [7], [0]];
    const cubes = yTrue.map((row, i) => Math.abs(row[0] - yPred[i][0]) ** 3);
    const weights = [1, 2, 0, 1, 1, 0.5, 3, 1, 1];
    await runMetricTest({
      makeMetric: () => new MeanMetricWrapper(function meanCubicError(t: tf.Tensor, p: tf.Tensor) {
        return tf.mean(tf.abs(tf.pow(tf.sub(t, p), 3)), -1);
      }),
      yTrue,
      yPred,
      expected: mean(cubes),
      weights,
      expectedWeighted: cubes.reduce((total, cube, i) => total + cube * weights[i], 0) / weights.reduce((a, b) => a + b),
      configRoundTrip: false,
    });
    expect(() => MeanMetricWrapper.fromConfig({ name: 'x' })).toThrow(/^Expected a MeanMetricWrapper subclass to rebuild from a config, received MeanMetricWrapper itself/);
  });

  it('names itself after its function and leaks nothing per update', async () => {
    const metric = new MeanMetricWrapper(function absolute(t: tf.Tensor, p: tf.Tensor) {
      return tf.abs(tf.sub(t, p));
    });
    expect(metric.name).toBe('absolute');
    expect(new MeanMetricWrapper((t: tf.Tensor) => t).name).toBe('mean_metric_wrapper');
    const t = tf.tensor1d([1, 2]);
    const p = tf.tensor1d([2, 2]);
    metric.updateState(t, p);
    await expectNoLeakedTensors(() => metric.updateState(t, p));
    expectArraysClose(await expectNoLeakedTensors(() => read(metric.result())), [0.5]);
    const before = tf.memory().numTensors;
    expect(() => new MeanMetricWrapper('mae' as never)).toThrow('Expected fn to be a function (yTrue, yPred) => tf.Tensor, received string in metric "mean_metric_wrapper"');
    expect(() => new MeanMetricWrapper('mae' as never, 'named')).toThrow('Expected fn to be a function (yTrue, yPred) => tf.Tensor, received string in metric "named"');
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([t, p]);
    metric.dispose();
  });
});
