import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useBackend } from '@dendrite/test-utils';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau';
import { epochsOf, runFit } from './testing/run-fit';

beforeAll(() => useBackend('cpu'));
afterEach(() => vi.restoreAllMocks());

describe('ReduceLROnPlateau without its value, and its error classes', () => {
  it('leaves the rate alone for epochs that did not log the monitored value (Keras only warns)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { model, logs } = await runFit([new ReduceLROnPlateau({ patience: 1, factor: 0.5 })], epochsOf('loss', [1, 1, 1]));
    expect(model.learningRate).toBe(0.1);
    expect(logs.map((log) => log.learning_rate)).toEqual([0.1, 0.1, 0.1]);
    expect(warn).toHaveBeenCalledTimes(1);
    model.dispose();
  });

  it('throws RangeError for a number out of range and TypeError for a value of the wrong type', () => {
    expect(() => new ReduceLROnPlateau({ minDelta: Number.NaN })).toThrow(RangeError);
    expect(() => new ReduceLROnPlateau({ minDelta: '0.1' as never })).toThrow(new TypeError('Expected minDelta to be a finite number in ReduceLROnPlateau, received 0.1'));
    expect(() => new ReduceLROnPlateau({ factor: '0.5' as never })).toThrow(TypeError);
    expect(() => new ReduceLROnPlateau({ minLr: '1' as never })).toThrow(TypeError);
  });
});
