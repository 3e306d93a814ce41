import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useBackend } from '@dendrite/test-utils';
import { TerminateOnNaN, terminateOnNaN } from './terminate-on-nan';
import { runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));
afterEach(() => vi.restoreAllMocks());

describe('TerminateOnNaN', () => {
  it('stops after the first batch whose loss is NaN or infinite', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      const terminate = new TerminateOnNaN();
      const batches: number[] = [];
      const { model, epochs } = await runFit([terminate], [{ loss: 1 }, { loss: 1 }, { loss: 1 }], {
        steps: 3,
        batchLogs: (epoch, batch) => (batches.push(batch), { loss: epoch === 1 && batch === 1 ? bad : 0.5 }),
      });
      expect(epochs).toEqual([0, 1]);
      expect(batches).toEqual([0, 1, 2, 0, 1]);
      expect(terminate.stoppedBatch).toBe(1);
      expect(model.stopTraining).toBe(true);
      model.dispose();
    }
    expect(log).toHaveBeenCalledWith('Batch 1: Invalid loss, terminating training');
  });

  it('throws instead with raiseError, and ignores logs without a loss', async () => {
    await expect(runFit([terminateOnNaN({ raiseError: true })], [{ loss: Number.NaN }])).rejects.toThrow(
      'NaN or Inf loss encountered at batch 0. Loss value: nan. Terminating training immediately.',
    );
    const { model, epochs } = await runFit([terminateOnNaN()], [{ accuracy: 1 }], { batchLogs: () => ({ accuracy: Number.NaN }) });
    expect(epochs).toEqual([0]);
    model.dispose();
  });
});
