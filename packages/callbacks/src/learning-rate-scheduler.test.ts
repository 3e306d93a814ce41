import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useBackend } from '@dendrite/test-utils';
import { LearningRateScheduler, learningRateScheduler } from './learning-rate-scheduler';
import { epochsOf, runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));
afterEach(() => vi.restoreAllMocks());

describe('LearningRateScheduler', () => {
  it('sets each epoch’s rate from schedule(epoch, rate) and logs it as learning_rate', async () => {
    const seen: Array<[number, number]> = [];
    const scheduler = new LearningRateScheduler((epoch, rate) => {
      seen.push([epoch, rate]);
      return epoch < 1 ? rate : rate * 0.5;
    });
    const { model, logs } = await runFit([scheduler], epochsOf('loss', [1, 1, 1]));
    expect(seen).toEqual([[0, 0.1], [1, 0.1], [2, 0.05]]);
    expect(logs.map((log) => log.learning_rate)).toEqual([0.1, 0.05, 0.025]);
    expect(model.learningRate).toBe(0.025);
    model.dispose();
  });

  it('prints Keras’s message with verbose 1', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const { model } = await runFit([learningRateScheduler(() => 1e-5, 1)], epochsOf('loss', [1]));
    expect(log.mock.calls).toEqual([['\nEpoch 1: LearningRateScheduler setting learning rate to 1e-05.']]);
    model.dispose();
  });

  it('takes Keras’s arguments in one options object, schedule among them, or verbose after the schedule', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const scheduler = learningRateScheduler({ schedule: (epoch) => 0.5 / (epoch + 1), verbose: 1 });
    const { model, logs } = await runFit([scheduler], epochsOf('loss', [1, 1]));
    expect(logs.map((log) => log.learning_rate)).toEqual([0.5, 0.25]);
    expect(log).toHaveBeenCalledTimes(2);
    expect(new LearningRateScheduler((_, rate) => rate, { verbose: 1 }).verbose).toBe(1);
    expect(learningRateScheduler((_, rate) => rate, 1).verbose).toBe(1);
    model.dispose();
  });

  it('refuses a schedule given twice, a verbose other than 0 or 1, options in two objects', () => {
    const keep = (_: number, rate: number) => rate;
    expect(() => new LearningRateScheduler(keep, { schedule: keep } as never)).toThrow('Expected schedule once in LearningRateScheduler');
    expect(() => new LearningRateScheduler(keep, 2 as never)).toThrow('Expected verbose to be 0 or 1 in LearningRateScheduler, received 2');
    expect(() => new LearningRateScheduler({ schedule: keep } as never, 1 as never)).toThrow('Expected the options of LearningRateScheduler in one object, received a second argument 1');
    expect(() => learningRateScheduler(0.01 as never)).toThrow('Expected the options of LearningRateScheduler to be an object, received 0.01');
  });

  it('refuses a schedule that is not a function or returns no finite number', async () => {
    expect(() => new LearningRateScheduler(undefined as never)).toThrow('Expected schedule to be a function (epoch, learningRate) => number in LearningRateScheduler, received undefined');
    await expect(runFit([new LearningRateScheduler(() => Number.NaN)], epochsOf('loss', [1]))).rejects.toThrow(
      'Expected the schedule of LearningRateScheduler to return a finite number at epoch 0, received NaN',
    );
  });
});
