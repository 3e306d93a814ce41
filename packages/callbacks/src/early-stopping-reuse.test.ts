import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tf } from '@dendrite/backend';
import { useBackend } from '@dendrite/test-utils';
import { EarlyStopping } from './early-stopping';
import { FakeModel } from './testing/fake-model';
import { epochsOf, runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));
afterEach(() => vi.restoreAllMocks());

/** Each epoch's training sets every weight to 10 × epoch + offset, so weights tell the run and epoch apart. */
const markEpochs = (offset: number) => (model: FakeModel, epoch: number) => model.fill(10 * epoch + offset);

// The epochs, best values and counters here are those Keras 3.15.1's EarlyStopping gives (run on its
// numpy backend with a stand-in model).
describe('EarlyStopping, as Keras 3 (reuse, options, silence)', () => {
  it('starts over at each onTrainBegin: wait, best, stoppedEpoch', async () => {
    const stopper = new EarlyStopping({ patience: 1 });
    // Best 0.1 at epoch 1, stopped at epoch 2.
    expect((await runFit([stopper], epochsOf('val_loss', [0.5, 0.1, 0.2, 0.3]))).epochs).toEqual([0, 1, 2]);
    expect(stopper.stoppedEpoch).toBe(2);
    // A fresh best: 0.5 improves on nothing seen (not on the old 0.1), so the run stops at epoch 2.
    const second = await runFit([stopper], epochsOf('val_loss', [0.5, 0.4, 0.45, 0.6]));
    expect(second.epochs).toEqual([0, 1, 2]);
    expect(stopper.best).toBe(0.4);
    // A run that never stops leaves stoppedEpoch at 0, and the wait counts from this run alone.
    const third = await runFit([stopper], epochsOf('val_loss', [0.5, 0.4]));
    expect(third.epochs).toEqual([0, 1]);
    expect(stopper.stoppedEpoch).toBe(0);
    expect(stopper.wait).toBe(0);
    [second, third].forEach(({ model }) => model.dispose());
  });

  it('forgets a killed run’s best weights at the next onTrainBegin', async () => {
    const stopper = new EarlyStopping({ patience: 5, restoreBestWeights: true, startFromEpoch: 2 });
    const model = new FakeModel();
    // Killed after epoch 3: onTrainEnd never runs; the best weights (epoch 2's, 20) are kept inside.
    await runFit([stopper], epochsOf('val_loss', [1, 1, 0.5, 0.6, 0.7]), { model, train: markEpochs(0), killAfterEpoch: 3 });
    expect(model.values()).toEqual([[30, 30], [30]]);
    // A run of two epochs, both before startFromEpoch: nothing watched, nothing restored.
    await runFit([stopper], epochsOf('val_loss', [1, 1]), { model, train: markEpochs(1) });
    expect(model.values()).toEqual([[11, 11], [11]]);
    model.dispose();
  });

  it('counts the bestEpoch of this run only', async () => {
    const stopper = new EarlyStopping({ patience: 0, startFromEpoch: 3 });
    const first = await runFit([stopper], epochsOf('val_loss', [1, 1, 1, 1, 2]));
    expect(stopper.bestEpoch).toBe(3);
    const second = await runFit([stopper], epochsOf('val_loss', [1]));
    expect(stopper.bestEpoch).toBe(0);
    [first, second].forEach(({ model }) => model.dispose());
  });

  it('keeps |minDelta| (Keras: abs(min_delta)) and refuses a non-finite one', async () => {
    const negative = new EarlyStopping({ minDelta: -0.05, patience: 1 });
    expect(negative.minDelta).toBe(0.05);
    // 0.97 is within 0.05 of 1: no improvement, stopped at epoch 2.
    const { model, epochs } = await runFit([negative], epochsOf('val_loss', [1, 0.97, 0.96]));
    expect(epochs).toEqual([0, 1]);
    model.dispose();
    expect(new EarlyStopping().minDelta).toBe(0);
    expect(() => new EarlyStopping({ minDelta: Number.NaN })).toThrow(new RangeError('Expected minDelta to be a finite number in EarlyStopping, received NaN'));
    expect(() => new EarlyStopping({ minDelta: Infinity })).toThrow(new RangeError('Expected minDelta to be a finite number in EarlyStopping, received Infinity'));
  });

  it('takes Keras’s defaults', () => {
    const stopper = new EarlyStopping();
    expect([stopper.monitor, stopper.patience, stopper.verbose, stopper.mode, stopper.baseline, stopper.restoreBestWeights, stopper.startFromEpoch]).toEqual([
      'val_loss', 0, 0, 'min', null, false, 0,
    ]);
    expect(new EarlyStopping({ baseline: 0 }).baseline).toBe(0);
  });

  it('prints nothing with verbose 0, and no stop message when training ran out of epochs', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const quiet = await runFit([new EarlyStopping({ patience: 0, restoreBestWeights: true })], epochsOf('val_loss', [1, 2]));
    expect(log).not.toHaveBeenCalled();
    const ranOut = await runFit([new EarlyStopping({ patience: 5, verbose: 1 })], epochsOf('val_loss', [1, 2]));
    expect(log).not.toHaveBeenCalled();
    [quiet, ranOut].forEach(({ model }) => model.dispose());
  });

  it('leaks no tensors when reused after a killed run', async () => {
    const model = new FakeModel();
    const stopper = new EarlyStopping({ patience: 5, restoreBestWeights: true });
    const before = tf.memory().numTensors;
    await runFit([stopper], epochsOf('val_loss', [1, 0.5, 0.6]), { model, train: markEpochs(0), killAfterEpoch: 1 });
    await runFit([stopper], epochsOf('val_loss', [1, 0.5]), { model, train: markEpochs(0) });
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
