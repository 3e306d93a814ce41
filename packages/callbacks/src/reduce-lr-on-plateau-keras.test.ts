import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useBackend } from '@dendrite/test-utils';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau';
import { epochsOf, runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));
afterEach(() => vi.restoreAllMocks());

// The sequences here are those Keras 3.15.1's ReduceLROnPlateau gives (run on its numpy backend with
// a stand-in model). Keras 3 starts each run from best = None, so a first value of ±inf or NaN is the best.
describe('ReduceLROnPlateau, as Keras 3 (defaults, reuse, bounds, silence)', () => {
  it('takes Keras’s defaults: factor 0.1, patience 10, minDelta 1e-4, cooldown 0, minLr 0', async () => {
    const reducer = new ReduceLROnPlateau();
    expect([reducer.monitor, reducer.factor, reducer.patience, reducer.verbose, reducer.mode, reducer.minDelta, reducer.cooldown, reducer.minLr]).toEqual([
      'val_loss', 0.1, 10, 0, 'min', 1e-4, 0, 0,
    ]);
    // Ten flat epochs after the first: the cut comes at the end of epoch 11 (index 10), not before.
    const { model, logs } = await runFit([reducer], epochsOf('val_loss', new Array(12).fill(1)));
    expect(logs.map((log) => log.learning_rate)).toEqual([...new Array(11).fill(0.1), 0.010000000000000002]);
    model.dispose();
  });

  it('starts over at each onTrainBegin: best, wait and cooldown', async () => {
    const reducer = new ReduceLROnPlateau({ patience: 2, factor: 0.5, cooldown: 3 });
    // Best 0.2; a cut at epoch 2 leaves the cooldown at 3.
    const first = await runFit([reducer], epochsOf('val_loss', [0.2, 0.3, 0.3]));
    expect(first.model.learningRate).toBe(0.05);
    expect(reducer.cooldownCounter).toBe(3);
    // A new run: 0.5 is a fresh best (not worse than the old 0.2), the cooldown is gone, and two flat epochs cut.
    const second = await runFit([reducer], epochsOf('val_loss', [0.5, 0.5, 0.5]));
    expect(second.logs.map((log) => log.learning_rate)).toEqual([0.1, 0.1, 0.1]);
    expect(second.model.learningRate).toBe(0.05);
    expect(reducer.best).toBe(0.5);
    // The wait does not carry over either: one flat epoch after a fresh best is no plateau.
    const third = await runFit([reducer], epochsOf('val_loss', [0.7, 0.7]));
    expect(reducer.wait).toBe(1);
    expect(third.model.learningRate).toBe(0.1);
    // A diverged first value is this run's best (Keras 3's best = None): one more Infinity is a wait of 1, no cut.
    const fourth = await runFit([reducer], epochsOf('val_loss', [Infinity, Infinity]));
    expect(reducer.best).toBe(Infinity);
    expect(reducer.wait).toBe(1);
    expect(fourth.model.learningRate).toBe(0.1);
    // After a first NaN nothing improves (x + minDelta < NaN is false): the wait reaches patience and cuts.
    const fifth = await runFit([reducer], epochsOf('val_loss', [Number.NaN, 0.1, 0.1]));
    expect(fifth.logs.map((log) => log.learning_rate)).toEqual([0.1, 0.1, 0.1]);
    expect(fifth.model.learningRate).toBe(0.05);
    [first, second, third, fourth, fifth].forEach(({ model }) => model.dispose());
  });

  it('watches max for accuracies, from no best value (its first value is the best, as Keras 3)', async () => {
    const reducer = new ReduceLROnPlateau({ monitor: 'val_accuracy', patience: 1, factor: 0.5 });
    expect(reducer.mode).toBe('max');
    expect(reducer.best).toBeNull();
    const { model } = await runFit([reducer], epochsOf('val_accuracy', [-5, -4]));
    expect(model.learningRate).toBe(0.1);
    model.dispose();
  });

  it('counts the wait again only once the cooldown is over', async () => {
    // Keras: the epoch that ends the cooldown (counter 1 → 0) already counts towards the wait.
    // Cuts at epoch 2 (two flat epochs after 0), then epoch 3 ends the cooldown and counts, cut at 4, again at 6.
    const reducer = new ReduceLROnPlateau({ patience: 2, factor: 0.5, cooldown: 1 });
    const { model, logs } = await runFit([reducer], epochsOf('val_loss', [1, 1, 1, 1, 1, 1, 1]));
    expect(logs.map((log) => log.learning_rate)).toEqual([0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025]);
    model.dispose();
  });

  it('accepts a factor of 0 and refuses a negative factor or minLr, naming them', async () => {
    const { model } = await runFit([new ReduceLROnPlateau({ factor: 0, patience: 1, minLr: 0.001 })], epochsOf('val_loss', [1, 1]));
    expect(model.learningRate).toBe(0.001);
    model.dispose();
    expect(() => new ReduceLROnPlateau({ factor: -0.5 })).toThrow(new RangeError('Expected factor to be in [0, 1) in ReduceLROnPlateau, received -0.5'));
    expect(() => new ReduceLROnPlateau({ minLr: -1 })).toThrow(new RangeError('Expected minLr to be a number ≥ 0 in ReduceLROnPlateau, received -1'));
    expect(() => new ReduceLROnPlateau({ patience: 1.5 })).toThrow(new RangeError('Expected patience to be an integer ≥ 0, received 1.5 in ReduceLROnPlateau'));
    expect(() => new ReduceLROnPlateau({ mode: 'down' as never })).toThrow(new Error(`Expected mode to be 'auto', 'min' or 'max' in ReduceLROnPlateau, received "down"`));
  });

  it('prints nothing with verbose 0', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const { model } = await runFit([new ReduceLROnPlateau({ patience: 1 })], epochsOf('val_loss', [1, 1, 1]));
    expect(model.learningRate).toBeLessThan(0.1);
    expect(log).not.toHaveBeenCalled();
    model.dispose();
  });
});
