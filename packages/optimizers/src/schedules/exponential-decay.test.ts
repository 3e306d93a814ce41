import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { ExponentialDecay, exponentialDecay } from './exponential-decay';

describeEachBackend('ExponentialDecay', () => {
  it('lr0 · rate^(step / decaySteps)', () => {
    const schedule = exponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 });
    expect(schedule).toBeInstanceOf(ExponentialDecay);
    for (const step of [0, 1, 5, 10, 25, 1000]) expect(schedule.call(step)).toBeCloseTo(0.1 * 0.5 ** (step / 10), 15);
    expect(schedule.call(10)).toBeCloseTo(0.05, 15);
  });

  it('with staircase, whole periods only: lr0 · rate^floor(step / decaySteps)', () => {
    const schedule = exponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true });
    expect([0, 9, 10, 15, 19, 20, 35].map((step) => schedule.call(step))).toEqual([0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.0125]);
  });

  it('is the seeds’ exponential scheduling η₀·0.1^(t/s)', () => {
    const schedule = exponentialDecay({ initialLearningRate: 0.01, decaySteps: 20, decayRate: 0.1 });
    expect(schedule.call(20)).toBeCloseTo(0.001, 15);
    expect(schedule.call(40)).toBeCloseTo(0.0001, 15);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => exponentialDecay({ initialLearningRate: 0.1, decaySteps: 0, decayRate: 0.5 })).toThrow('Expected decaySteps to be a finite number > 0, received 0 in schedule "ExponentialDecay"');
    expect(() => exponentialDecay({ initialLearningRate: -0.1, decaySteps: 1, decayRate: 0.5 })).toThrow('Expected initialLearningRate to be a finite number ≥ 0, received -0.1 in schedule "ExponentialDecay"');
    expect(() => exponentialDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: Number.NaN })).toThrow('Expected decayRate to be a finite number ≥ 0, received NaN');
    expect(() => exponentialDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5, staircase: 1 as never })).toThrow('Expected staircase to be a boolean, received 1 in schedule "ExponentialDecay"');
  });
});
