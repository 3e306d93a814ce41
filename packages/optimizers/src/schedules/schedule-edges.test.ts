import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { ExponentialDecay } from './exponential-decay';
import { oneCycle } from './one-cycle';
import { piecewiseConstantDecay } from './piecewise-constant-decay';

describeEachBackend('schedule edge cases', () => {
  it('OneCycle takes the shortest cycle, a half of one step: η₀, η₁, η₀, then the annealing', () => {
    // totalSteps 3 and lastSteps 1: h = floor(2 / 2) = 1.
    const schedule = oneCycle({ totalSteps: 3, maxLearningRate: 1, startLearningRate: 0.5, lastSteps: 1, lastLearningRate: 0.25 });
    expect(schedule.halfCycle).toBe(1);
    expect([0, 1, 2, 3, 4].map((step) => schedule.call(step))).toEqual([0.5, 1, 0.5, 0.25, 0.25]);
  });

  it('PiecewiseConstantDecay refuses boundaries or values that are not arrays, even of a fitting length', () => {
    const owner = 'schedule "PiecewiseConstantDecay"';
    expect(() => piecewiseConstantDecay({ boundaries: 'ab' as never, values: [1, 0.5, 0.1] })).toThrow(
      new Error(`Expected values to have one more entry than boundaries in ${owner}, received boundaries "ab" and values [1,0.5,0.1]`),
    );
    expect(() => piecewiseConstantDecay({ boundaries: [1, 2], values: 'abc' as never })).toThrow(
      new Error(`Expected values to have one more entry than boundaries in ${owner}, received boundaries [1,2] and values "abc"`),
    );
  });

  it('reads a null in a config as the option left out, as Keras does', () => {
    expect(ExponentialDecay.fromConfig({ initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5, staircase: null }).staircase).toBe(false);
    expect(() => ExponentialDecay.fromConfig({ initial_learning_rate: null, decay_steps: 10, decay_rate: 0.5 })).toThrow(
      new TypeError('Expected initialLearningRate to be a finite number ≥ 0, received undefined in schedule "ExponentialDecay"'),
    );
  });
});
