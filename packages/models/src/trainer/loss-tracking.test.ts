import { afterEach, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { Callback, type Logs } from '@dendrite/callbacks';
import { dense, input, resetUniqueNames } from '@dendrite/layers';
import { sgd } from '@dendrite/optimizers';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { model } from '../functional';
import { sequential } from '../sequential';

afterEach(() => resetUniqueNames());

const SAMPLES = 102;
const x = Array.from({ length: SAMPLES }, (_, i) => [i / 10]);
const y = Array.from({ length: SAMPLES }, (_, i) => [i % 5]);
const weights = Array.from({ length: SAMPLES }, (_, i) => (i % 3) + 0.5);
/** y = x exactly (kernel 1, bias 0), frozen by a learning rate of 0: every squared error is known. */
const squaredErrors = x.map(([value], i) => (value - y[i][0]) ** 2);

function frozenIdentity() {
  const m = sequential({ layers: [dense({ units: 1, inputShape: [1], kernelInitializer: 'ones', biasInitializer: 'zeros' })] });
  m.compile({ optimizer: sgd({ learningRate: 0 }), loss: 'mse', metrics: ['mae'] });
  return m;
}

const relativeError = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describeEachBackend('reported losses are weighted by sample count', () => {
  it('evaluate gives one loss at batch sizes 7, 32 and 102, the mean over every sample', async () => {
    const m = frozenIdentity();
    const expected = squaredErrors.reduce((sum, value) => sum + value, 0) / SAMPLES;
    await m.evaluate(x, y); // makes the metrics' state; later runs add nothing
    for (const batchSize of [7, 32, 102]) {
      const [loss, mae] = (await expectNoLeakedTensors(() => m.evaluate(x, y, { batchSize }))) as number[];
      expect(relativeError(loss, expected)).toBeLessThan(1e-6);
      expect(mae).toBeGreaterThan(0);
    }
    m.dispose();
  });

  it('fit logs the sample-weighted mean of the batch losses, per batch and per epoch', async () => {
    const m = frozenIdentity();
    await m.fit(x, y, { epochs: 1, batchSize: 7, shuffle: false, verbose: 0 });
    const running: number[] = [];
    class Recorder extends Callback {
      override onBatchEnd(_batch: number, logs: Logs) {
        running.push(logs.loss);
      }
    }
    const history = await expectNoLeakedTensors(() => m.fit(x, y, { epochs: 1, batchSize: 7, shuffle: false, verbose: 0, callbacks: [new Recorder()] }));
    // By hand: the mean squared error of each batch of 7 (the last one holds 102 − 14·7 = 4 samples).
    const batchLosses: number[] = [];
    const batchSizes: number[] = [];
    for (let start = 0; start < SAMPLES; start += 7) {
      const batch = squaredErrors.slice(start, start + 7);
      batchLosses.push(batch.reduce((sum, value) => sum + value, 0) / batch.length);
      batchSizes.push(batch.length);
    }
    expect(batchSizes.at(-1)).toBe(4);
    let seen = 0;
    let total = 0;
    batchLosses.forEach((loss, index) => {
      total += loss * batchSizes[index];
      seen += batchSizes[index];
      expect(relativeError(running[index], total / seen)).toBeLessThan(1e-6);
    });
    expect(relativeError(history.history.loss[0], total / seen)).toBeLessThan(1e-6);
    const unweighted = batchLosses.reduce((sum, value) => sum + value, 0) / batchLosses.length;
    expect(relativeError(unweighted, total / seen)).toBeGreaterThan(1e-3); // the two means do differ here
    m.dispose();
  });

  it('respects sampleWeight: Σ w·loss / samples at every batch size, in fit and evaluate', async () => {
    const m = frozenIdentity();
    const expected = squaredErrors.reduce((sum, value, i) => sum + value * weights[i], 0) / SAMPLES;
    const sampleWeight = tf.tensor1d(weights);
    for (const batchSize of [7, 32, 102]) {
      const [loss] = (await m.evaluate(x, y, { batchSize, sampleWeight })) as number[];
      expect(relativeError(loss, expected)).toBeLessThan(1e-6);
    }
    const history = await m.fit(x, y, { epochs: 1, batchSize: 7, sampleWeight, verbose: 0 });
    expect(relativeError(history.history.loss[0], expected)).toBeLessThan(1e-6);
    sampleWeight.dispose();
    m.dispose();
  });

  it('weights the per-output losses of a multi-output model the same way', async () => {
    const source = input({ shape: [1] });
    const first = dense({ units: 1, name: 'first', kernelInitializer: 'ones', biasInitializer: 'zeros' }).apply(source);
    const second = dense({ units: 1, name: 'second', kernelInitializer: 'zeros', biasInitializer: 'zeros' }).apply(source);
    const twoHeads = model({ inputs: source, outputs: [first, second] });
    twoHeads.compile({ optimizer: sgd({ learningRate: 0 }), loss: ['mse', 'mae'], lossWeights: [1, 0.5] });
    const targets = [tf.tensor2d(y), tf.tensor2d(y)];
    const firstLoss = squaredErrors.reduce((sum, value) => sum + value, 0) / SAMPLES;
    const secondLoss = y.reduce((sum, [value]) => sum + Math.abs(value), 0) / SAMPLES;
    await twoHeads.evaluate(x, targets);
    for (const batchSize of [7, 32, 102]) {
      const logs = (await expectNoLeakedTensors(() => twoHeads.evaluate(x, targets, { batchSize, returnDict: true }))) as Logs;
      expect(relativeError(logs.first_loss, firstLoss)).toBeLessThan(1e-6);
      expect(relativeError(logs.second_loss, secondLoss)).toBeLessThan(1e-6);
      expect(relativeError(logs.loss, firstLoss + 0.5 * secondLoss)).toBeLessThan(1e-6);
    }
    tf.dispose(targets);
    twoHeads.dispose();
  });
});
