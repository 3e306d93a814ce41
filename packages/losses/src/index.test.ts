import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import * as dendriteLosses from './index';
import { AUC, BinaryCrossentropy, Loss, Metric, MeanSquaredError, get, losses, metrics, resolveAccuracy } from './index';

describeEachBackend('@dendrite/losses', () => {
  it('exports losses flat and as a namespace, metrics as a namespace', () => {
    expect(losses.get).toBe(get);
    expect(losses.BinaryCrossentropy).toBe(BinaryCrossentropy);
    expect(new MeanSquaredError()).toBeInstanceOf(Loss);
    const metric = new metrics.MeanSquaredError();
    expect(metric).toBeInstanceOf(Metric);
    metric.dispose();
    expect(metrics.AUC).toBe(AUC);
    expect(metrics.resolveAccuracy).toBe(resolveAccuracy);
    expect(metrics.binaryCrossentropy).toBe(losses.binaryCrossentropy);
    expect(Object.keys(dendriteLosses)).toEqual(expect.arrayContaining(['validateLabels', 'lossFunctionName', 'Mean', 'MeanMetricWrapper', 'kullbackLeiblerDivergence']));
  });

  it('runs the README example', async () => {
    const printed = await expectNoLeakedTensors(() => {
      const loss = get('categorical_crossentropy');
      const yTrue = tf.tensor2d([[0, 1], [1, 0]]);
      const yPred = tf.tensor2d([[0.2, 0.8], [0.6, 0.4]]);
      const value = loss.apply(yTrue, yPred);
      const accuracy = metrics.get('accuracy', { lossName: 'categorical_crossentropy' });
      accuracy.updateState(yTrue, yPred);
      const result = [value.dataSync()[0], accuracy.resultValue()];
      tf.dispose([yTrue, yPred, value]);
      accuracy.dispose();
      return result;
    });
    expect(printed[0]).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 5);
    expect(printed[1]).toBe(1);
  });
});
