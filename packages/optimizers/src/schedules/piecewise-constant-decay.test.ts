import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { PiecewiseConstantDecay, piecewiseConstantDecay } from './piecewise-constant-decay';

describeEachBackend('PiecewiseConstantDecay', () => {
  it('values[0] while step ≤ boundaries[0], values[i] after boundaries[i − 1], the last after the last', () => {
    const schedule = piecewiseConstantDecay({ boundaries: [5, 15], values: [1, 0.5, 0.1] });
    expect(schedule).toBeInstanceOf(PiecewiseConstantDecay);
    expect([0, 4, 5, 6, 15, 16, 1000].map((step) => schedule.call(step))).toEqual([1, 1, 1, 0.5, 0.5, 0.1, 0.1]);
  });

  it('copies its arguments', () => {
    const boundaries = [10];
    const schedule = piecewiseConstantDecay({ boundaries, values: [1, 0.1] });
    boundaries[0] = 0;
    expect(schedule.call(5)).toBe(1);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => piecewiseConstantDecay({ boundaries: [1, 2], values: [1] })).toThrow(
      'Expected values to have one more entry than boundaries in schedule "PiecewiseConstantDecay", received boundaries [1,2] and values [1]',
    );
    expect(() => piecewiseConstantDecay({ boundaries: [5, 5], values: [1, 0.5, 0.1] })).toThrow('Expected strictly increasing boundaries in schedule "PiecewiseConstantDecay", received [5, 5]');
    expect(() => piecewiseConstantDecay({ boundaries: [5], values: [1, -0.5] })).toThrow('Expected values[1] to be a finite number ≥ 0, received -0.5 in schedule "PiecewiseConstantDecay"');
    expect(() => piecewiseConstantDecay({ boundaries: [Number.NaN], values: [1, 0.5] })).toThrow('Expected boundaries[0] to be a finite number ≥ 0, received NaN');
  });
});
