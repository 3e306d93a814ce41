import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tf } from '@dendrite/backend';
import { useBackend } from '@dendrite/test-utils';
import { EarlyStopping, earlyStopping } from './early-stopping';
import { FakeModel } from './testing/fake-model';
import { epochsOf, runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));
afterEach(() => vi.restoreAllMocks());

/** Each epoch's training sets every weight to 10 × epoch, so weights tell the epoch apart. */
const markEpochs = (model: FakeModel, epoch: number) => model.fill(10 * epoch);

describe('EarlyStopping', () => {
  it('stops after patience epochs without improvement (min mode) and restores the best weights', async () => {
    const stopper = new EarlyStopping({ patience: 2, restoreBestWeights: true });
    const { model, epochs } = await runFit([stopper], epochsOf('val_loss', [1, 0.8, 0.85, 0.9, 0.95, 0.7]), { train: markEpochs });
    expect(epochs).toEqual([0, 1, 2, 3]);
    expect(stopper.stoppedEpoch).toBe(3);
    expect(stopper.best).toBe(0.8);
    expect(stopper.bestEpoch).toBe(1);
    expect(model.values()).toEqual([[10, 10], [10]]);
    model.dispose();
  });

  it('restores the best weights also when training runs out of epochs', async () => {
    const stopper = earlyStopping({ patience: 5, restoreBestWeights: true });
    const { model, epochs } = await runFit([stopper], epochsOf('val_loss', [1, 0.5, 0.7]), { train: markEpochs });
    expect(epochs).toEqual([0, 1, 2]);
    expect(stopper.stoppedEpoch).toBe(0);
    expect(model.values()).toEqual([[10, 10], [10]]);
    model.dispose();
  });

  it('watches max for accuracies and needs more than minDelta to improve', async () => {
    const stopper = new EarlyStopping({ monitor: 'val_accuracy', minDelta: 0.05, patience: 1 });
    expect(stopper.mode).toBe('max');
    const { epochs } = await runFit([stopper], epochsOf('val_accuracy', [0.5, 0.6, 0.61, 0.615, 0.62]));
    expect(epochs).toEqual([0, 1, 2]);
    const explicit = new EarlyStopping({ monitor: 'val_mae', mode: 'max', patience: 0 });
    expect((await runFit([explicit], epochsOf('val_mae', [1, 2, 1.5, 3]))).epochs).toEqual([0, 1, 2]);
  });

  it('restarts the patience only on epochs that also beat the baseline (by minDelta), as Keras 3', async () => {
    const losses = epochsOf('val_loss', [0.9, 0.8, 0.85, 0.85, 0.85, 0.85]);
    expect((await runFit([new EarlyStopping({ patience: 2 })], losses)).epochs).toEqual([0, 1, 2, 3]);
    // Improving epochs 0 and 1 do not beat 0.5, so the wait reaches 3 at epoch 2.
    expect((await runFit([new EarlyStopping({ patience: 2, baseline: 0.5 })], losses)).epochs).toEqual([0, 1, 2]);
    // 0.55 beats the baseline 0.6 but not by minDelta 0.1: the wait is not reset.
    const near = new EarlyStopping({ patience: 2, baseline: 0.6, minDelta: 0.1 });
    expect((await runFit([near], epochsOf('val_loss', [0.55, 0.56, 0.57, 0.58]))).epochs).toEqual([0, 1]);
  });

  it('ignores epochs before startFromEpoch', async () => {
    const late = new EarlyStopping({ patience: 0, startFromEpoch: 3 });
    expect((await runFit([late], epochsOf('val_loss', [1, 0.8, 0.85, 0.9, 0.95, 0.7]))).epochs).toEqual([0, 1, 2, 3, 4]);
    expect(late.stoppedEpoch).toBe(4);
  });

  it('prints Keras 3’s messages with verbose 1', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const { model } = await runFit([new EarlyStopping({ patience: 1, verbose: 1, restoreBestWeights: true })], epochsOf('val_loss', [1, 0.5, 0.7, 0.8]));
    expect(log.mock.calls).toEqual([['Epoch 3: early stopping'], ['Restoring model weights from the end of the best epoch: 2.']]);
    model.dispose();
  });

  it('warns once, listing the available keys, when the monitored value is missing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { epochs } = await runFit([new EarlyStopping()], [{ loss: 1, accuracy: 0.5 }, { loss: 1, accuracy: 0.5 }]);
    expect(epochs).toEqual([0, 1]);
    expect(warn.mock.calls).toEqual([['Early stopping conditioned on metric `val_loss` which is not available. Available metrics are: loss,accuracy']]);
  });

  it('leaks no tensors across a run with restoreBestWeights', async () => {
    const model = new FakeModel();
    const before = tf.memory().numTensors;
    await runFit([new EarlyStopping({ patience: 1, restoreBestWeights: true })], epochsOf('val_loss', [1, 0.5, 0.4, 0.6, 0.7]), { model, train: markEpochs });
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('refuses bad options, naming them', () => {
    expect(() => new EarlyStopping({ patience: -1 })).toThrow('Expected patience to be an integer ≥ 0, received -1 in EarlyStopping');
    expect(() => new EarlyStopping({ startFromEpoch: 1.5 })).toThrow('Expected startFromEpoch to be an integer ≥ 0, received 1.5 in EarlyStopping');
    expect(() => new EarlyStopping({ mode: 'up' as never })).toThrow(/Expected mode to be 'auto', 'min' or 'max' in EarlyStopping/);
  });
});
