import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { InverseTimeDecay, inverseTimeDecay } from './inverse-time-decay';

describeEachBackend('InverseTimeDecay', () => {
  it('lr0 / (1 + rate · step / decaySteps)', () => {
    const schedule = inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 4, decayRate: 0.5 });
    expect(schedule).toBeInstanceOf(InverseTimeDecay);
    for (const step of [0, 1, 3, 4, 10, 400]) expect(schedule.call(step)).toBeCloseTo(0.1 / (1 + (0.5 * step) / 4), 15);
  });

  it('is the seeds’ power scheduling η₀ / (1 + t/s) with decayRate 1', () => {
    const schedule = inverseTimeDecay({ initialLearningRate: 0.01, decaySteps: 100, decayRate: 1 });
    expect([0, 100, 300].map((step) => schedule.call(step))).toEqual([0.01, 0.005, 0.0025]);
  });

  it('with staircase: lr0 / (1 + rate · floor(step / decaySteps))', () => {
    const schedule = inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 1, staircase: true });
    expect([0, 9, 10, 19, 20].map((step) => schedule.call(step))).toEqual([0.1, 0.1, 0.05, 0.05, 0.1 / 3]);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: -5, decayRate: 1 })).toThrow('Expected decaySteps to be a finite number > 0, received -5 in schedule "InverseTimeDecay"');
    expect(() => inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 5, decayRate: -1 })).toThrow('Expected decayRate to be a finite number ≥ 0, received -1 in schedule "InverseTimeDecay"');
  });
});
