import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useBackend } from '@dendrite/test-utils';
import { TerminateOnNaN } from './terminate-on-nan';
import { runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));
afterEach(() => vi.restoreAllMocks());

// The survivors of TerminateOnNaN's mutation run.
describe('TerminateOnNaN at its edges', () => {
  it('reports no stopped batch before any run', () => {
    expect(new TerminateOnNaN().stoppedBatch).toBe(-1);
  });

  it('takes batch logs without a loss, or none at all, as nothing to check', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const terminate = new TerminateOnNaN();
    const { model, epochs } = await runFit([terminate], [{ accuracy: 1 }, { accuracy: 1 }], { batchLogs: () => ({ accuracy: 0.5 }) });
    expect(epochs).toEqual([0, 1]);
    expect(terminate.stoppedBatch).toBe(-1);
    expect(model.stopTraining).toBe(false);
    expect(log).not.toHaveBeenCalled();
    expect(() => terminate.onBatchEnd(0, undefined)).not.toThrow();
    model.dispose();
  });
});
