import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useBackend } from '@dendrite/test-utils';
import { ReduceLROnPlateau, reduceLROnPlateau } from './reduce-lr-on-plateau';
import { FakeModel } from './testing/fake-model';
import { epochsOf, runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));
afterEach(() => vi.restoreAllMocks());

describe('ReduceLROnPlateau', () => {
  it('cuts by factor after patience, waits cooldown, stops at minLr; logs the rate each epoch ran with', async () => {
    const reducer = new ReduceLROnPlateau({ factor: 0.5, patience: 1, cooldown: 2, minLr: 0.02 });
    const { model, logs } = await runFit([reducer], epochsOf('val_loss', [1, 1, 1, 1, 1, 1, 1, 1]));
    expect(logs.map((log) => log.learning_rate)).toEqual([0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.02, 0.02]);
    expect(model.learningRate).toBe(0.02);
    model.dispose();
  });

  it('resets the wait on improvements larger than minDelta only', async () => {
    const big = await runFit([new ReduceLROnPlateau({ patience: 2 })], epochsOf('val_loss', [1, 0.9, 0.8, 0.7, 0.6]));
    expect(big.model.learningRate).toBe(0.1);
    // Improvements of 5e-5 are below minDelta 1e-4: a plateau, cut after 2 epochs.
    const small = await runFit([new ReduceLROnPlateau({ patience: 2 })], epochsOf('val_loss', [1, 0.99995, 0.9999, 0.99985]));
    expect(small.model.learningRate).toBeCloseTo(0.01, 12);
    const accuracy = await runFit([reduceLROnPlateau({ monitor: 'val_accuracy', patience: 1, factor: 0.5 })], epochsOf('val_accuracy', [0.5, 0.6, 0.55]));
    expect(accuracy.model.learningRate).toBe(0.05);
    [big, small, accuracy].forEach(({ model }) => model.dispose());
  });

  it('compares with minLr in float32, as the optimizer holds it', async () => {
    class Float32Rate extends FakeModel {
      sets = 0;
      override setLearningRate(rate: number) {
        this.sets += 1;
        this.learningRate = Math.fround(rate);
      }
    }
    const model = new Float32Rate({ learningRate: Math.fround(0.04) });
    await runFit([new ReduceLROnPlateau({ factor: 0.5, patience: 1, minLr: 0.02 })], epochsOf('val_loss', [1, 1, 1, 1, 1]), { model });
    expect(model.sets).toBe(1);
    expect(model.learningRate).toBe(Math.fround(0.02));
    model.dispose();
  });

  it('prints Keras’s message with verbose 1 and warns once about a missing value', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { model } = await runFit([new ReduceLROnPlateau({ patience: 1, factor: 0.5, verbose: 1 })], epochsOf('val_loss', [1, 1]));
    expect(log.mock.calls).toEqual([['\nEpoch 2: ReduceLROnPlateau reducing learning rate to 0.05.']]);
    await runFit([new ReduceLROnPlateau()], epochsOf('loss', [1, 1]), { model });
    expect(warn.mock.calls).toEqual([['Learning rate reduction is conditioned on metric `val_loss` which is not available. Available metrics are: loss,learning_rate.']]);
    model.dispose();
  });

  it('refuses a factor outside [0, 1) and negative counts', () => {
    expect(() => new ReduceLROnPlateau({ factor: 1 })).toThrow('Expected factor to be in [0, 1) in ReduceLROnPlateau, received 1');
    expect(() => new ReduceLROnPlateau({ cooldown: -1 })).toThrow('Expected cooldown to be an integer ≥ 0, received -1 in ReduceLROnPlateau');
    expect(() => new ReduceLROnPlateau({ minDelta: Number.NaN })).toThrow('Expected minDelta to be a finite number in ReduceLROnPlateau, received NaN');
  });
});
