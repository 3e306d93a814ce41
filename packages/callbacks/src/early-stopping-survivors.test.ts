import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tf } from '@dendrite/backend';
import { useBackend } from '@dendrite/test-utils';
import { EarlyStopping } from './early-stopping';
import { resolveMode } from './monitor';
import { FakeModel } from './testing/fake-model';
import { epochsOf, runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));
afterEach(() => vi.restoreAllMocks());

// The survivors of EarlyStopping's and monitor's mutation run; sequences as Keras 3.15.1 gives them.
describe('EarlyStopping: what its first mutation run let through', () => {
  it('ignores every epoch that did not log the monitored value, however many', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { model, epochs } = await runFit([new EarlyStopping({ patience: 0 })], [{ loss: 1 }, { loss: 1 }, { loss: 1 }]);
    expect(epochs).toEqual([0, 1, 2]);
    model.dispose();
  });

  it('restarts the patience on epochs that improve and beat the baseline', async () => {
    // Keras: 0.4 and 0.3 beat the baseline 0.5 (wait 0), then 0.35 and 0.36 make the wait 1 and 2: stopped at epoch 3.
    const stopper = new EarlyStopping({ patience: 2, baseline: 0.5 });
    const { model, epochs } = await runFit([stopper], epochsOf('val_loss', [0.4, 0.3, 0.35, 0.36, 0.2]));
    expect(epochs).toEqual([0, 1, 2, 3]);
    expect(stopper.stoppedEpoch).toBe(3);
    model.dispose();
  });

  it('keeps no copy of the weights without restoreBestWeights', async () => {
    const model = new FakeModel();
    const before = tf.memory().numTensors;
    // Killed after an improving epoch: no onTrainEnd frees anything.
    await runFit([new EarlyStopping({ patience: 3 })], epochsOf('val_loss', [1, 0.5, 0.4]), { model, killAfterEpoch: 1 });
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('takes mode "min" as given, even for a name that would resolve to max', () => {
    expect(resolveMode('val_accuracy', 'min', 'EarlyStopping')).toBe('min');
    expect(new EarlyStopping({ monitor: 'val_accuracy', mode: 'min' }).mode).toBe('min');
  });
});
