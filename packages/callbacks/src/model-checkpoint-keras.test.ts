import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useBackend } from '@dendrite/test-utils';
import { ModelCheckpoint } from './model-checkpoint';
import { epochsOf, runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));
afterEach(() => vi.restoreAllMocks());

describe('ModelCheckpoint, as Keras 3 (defaults, batch names, messages)', () => {
  it('takes Keras’s defaults: the whole model at every epoch’s end, val_loss watched in min mode', async () => {
    const checkpoint = new ModelCheckpoint('m-{epoch}.keras');
    expect([checkpoint.monitor, checkpoint.verbose, checkpoint.saveBestOnly, checkpoint.saveWeightsOnly, checkpoint.saveFreq, checkpoint.mode, checkpoint.best]).toEqual([
      'val_loss', 0, false, false, 'epoch', 'min', Infinity,
    ]);
    const { model } = await runFit([checkpoint], epochsOf('val_loss', [0.5, 0.9]));
    expect(model.calls).toEqual([
      { method: 'save', path: 'm-1.keras' },
      { method: 'save', path: 'm-2.keras' },
    ]);
    model.dispose();
  });

  it('names a batch save from the logs’ own batch when they hold one, as Keras’s format(epoch=…, **logs) (a float: Python’s str, 1.0)', async () => {
    const checkpoint = new ModelCheckpoint('c-{epoch}-{batch}.keras', { saveFreq: 2 });
    const { model } = await runFit([checkpoint], [{ loss: 1 }, { loss: 1 }], { steps: 2, batchLogs: (epoch, batch) => ({ loss: 1, batch: 100 * epoch + batch }) });
    expect(model.calls.map((call) => call.path)).toEqual(['c-1-1.0.keras', 'c-2-101.0.keras']);
    model.dispose();
  });

  it('saves with a null monitored value, warning as for a missing one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { model } = await runFit([new ModelCheckpoint('m.dndr', { saveBestOnly: true })], [{ val_loss: null as never }]);
    expect(model.calls).toHaveLength(1);
    expect(warn).toHaveBeenCalledTimes(1);
    model.dispose();
  });

  it('prints the save lines with verbose 1 without saveBestOnly, and nothing with verbose 0', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const quiet = await runFit([new ModelCheckpoint('q.dndr', { saveBestOnly: true }), new ModelCheckpoint('r.dndr')], epochsOf('val_loss', [0.5, 0.6]));
    expect(quiet.model.calls).toHaveLength(3);
    expect(log).not.toHaveBeenCalled();
    const loud = await runFit([new ModelCheckpoint('v-{epoch}.dndr', { verbose: 1 })], epochsOf('val_loss', [0.5]));
    expect(log.mock.calls).toEqual([['\nEpoch 1: saving model to v-1.dndr'], ['\nEpoch 1: finished saving model to v-1.dndr']]);
    [quiet, loud].forEach(({ model }) => model.dispose());
  });

  it('counts the improvement strictly: an equal value is not saved', async () => {
    const best = new ModelCheckpoint('b.dndr', { saveBestOnly: true, mode: 'max', monitor: 'val_loss' });
    expect(best.best).toBe(-Infinity);
    const { model } = await runFit([best], epochsOf('val_loss', [0.5, 0.5, 0.25]));
    expect(model.calls).toHaveLength(1);
    expect(best.best).toBe(0.5);
    model.dispose();
  });
});
