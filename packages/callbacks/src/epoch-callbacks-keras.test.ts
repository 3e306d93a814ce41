import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useBackend } from '@dendrite/test-utils';
import { History } from './history';
import { LearningRateScheduler } from './learning-rate-scheduler';
import { TerminateOnNaN } from './terminate-on-nan';
import { FakeModel } from './testing/fake-model';
import { epochsOf, runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));
afterEach(() => vi.restoreAllMocks());

describe('LearningRateScheduler, History and TerminateOnNaN at their edges', () => {
  it('LearningRateScheduler: prints nothing with verbose 0, refuses an infinite rate, and leaves absent logs alone', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const { model } = await runFit([new LearningRateScheduler((epoch) => 0.1 / (epoch + 1))], epochsOf('loss', [1, 1]));
    expect(model.learningRate).toBe(0.05);
    expect(log).not.toHaveBeenCalled();
    await expect(runFit([new LearningRateScheduler(() => Infinity)], epochsOf('loss', [1]), { model })).rejects.toThrow(
      'Expected the schedule of LearningRateScheduler to return a finite number at epoch 0, received Infinity',
    );
    await expect(runFit([new LearningRateScheduler(() => '0.1' as never)], epochsOf('loss', [1]), { model })).rejects.toThrow(
      new Error('Expected the schedule of LearningRateScheduler to return a finite number at epoch 0, received 0.1'),
    );
    const scheduler = new LearningRateScheduler((_, rate) => rate);
    scheduler.setModel(model);
    expect(() => scheduler.onEpochEnd(0, undefined)).not.toThrow();
    model.dispose();
  });

  it('LearningRateScheduler: a boolean verbose after the schedule is named as verbose', () => {
    expect(() => new LearningRateScheduler((_, rate) => rate, true as never)).toThrow(new Error('Expected verbose to be 0 or 1 in LearningRateScheduler, received true'));
  });

  it('History: an epoch without logs is still counted', () => {
    const recorder = new History();
    recorder.onEpochEnd(0);
    recorder.onEpochEnd(1, { loss: 2 });
    expect(recorder.epoch).toEqual([0, 1]);
    expect(recorder.history).toEqual({ loss: [2] });
  });

  it('TerminateOnNaN: a null loss is no loss; stoppedBatch starts over each run; raiseError does not set stopTraining', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const terminate = new TerminateOnNaN();
    const first = await runFit([terminate], [{ loss: 1 }], { batchLogs: (_, batch) => ({ loss: batch === 1 ? Number.NaN : 1 }) });
    expect(terminate.stoppedBatch).toBe(1);
    const second = await runFit([terminate], [{ loss: 1 }, { loss: 1 }], { batchLogs: () => ({ loss: null as never }) });
    expect(second.epochs).toEqual([0, 1]);
    expect(terminate.stoppedBatch).toBe(-1);
    expect(log).toHaveBeenCalledTimes(1);
    const model = new FakeModel();
    const raising = new TerminateOnNaN({ raiseError: true });
    await expect(runFit([raising], [{ loss: Infinity }], { model })).rejects.toThrow(
      new Error('NaN or Inf loss encountered at batch 0. Loss value: inf. Terminating training immediately.'),
    );
    expect(raising.stoppedBatch).toBe(0);
    expect(model.stopTraining).toBe(false);
    expect(log).toHaveBeenCalledTimes(1);
    [first, second].forEach((run) => run.model.dispose());
    model.dispose();
  });
});
