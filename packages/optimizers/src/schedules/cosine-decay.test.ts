import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { CosineDecay, cosineDecay } from './cosine-decay';

describeEachBackend('CosineDecay', () => {
  it('lr0 · ((1 − α) · ½(1 + cos(π · min(step, D) / D)) + α)', () => {
    const schedule = cosineDecay({ initialLearningRate: 2, decaySteps: 10, alpha: 0.1 });
    expect(schedule).toBeInstanceOf(CosineDecay);
    for (const step of [0, 2, 5, 7, 10]) expect(schedule.call(step)).toBeCloseTo(2 * (0.9 * 0.5 * (1 + Math.cos((Math.PI * step) / 10)) + 0.1), 14);
    expect(schedule.call(5)).toBeCloseTo(2 * 0.55, 14);
    expect(schedule.call(50)).toBeCloseTo(0.2, 14);
  });

  it('with warmup: linear from lr0 to the target over warmupSteps, then cosine from the target', () => {
    const schedule = cosineDecay({ initialLearningRate: 0, decaySteps: 10, warmupTarget: 1, warmupSteps: 4 });
    expect(schedule.call(0)).toBe(0);
    expect(schedule.call(1)).toBeCloseTo(0.25, 15);
    expect(schedule.call(2)).toBeCloseTo(0.5, 15);
    expect(schedule.call(4)).toBeCloseTo(1, 15);
    expect(schedule.call(9)).toBeCloseTo(0.5, 15);
    expect(schedule.call(12)).toBeCloseTo(0.5 * (1 + Math.cos(0.8 * Math.PI)), 15);
    expect(schedule.call(14)).toBeCloseTo(0, 15);
    expect(schedule.call(1000)).toBeCloseTo(0, 15);
  });

  it('warms up from a non-zero rate and decays to α of the target', () => {
    const schedule = cosineDecay({ initialLearningRate: 0.1, decaySteps: 4, alpha: 0.5, warmupTarget: 0.5, warmupSteps: 2 });
    expect(schedule.call(1)).toBeCloseTo(0.3, 15);
    expect(schedule.call(4)).toBeCloseTo(0.5 * (0.5 * 0.5 * (1 + Math.cos(Math.PI / 2)) + 0.5), 15);
    expect(schedule.call(6)).toBeCloseTo(0.25, 15);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => cosineDecay({ initialLearningRate: 1, decaySteps: 0 })).toThrow('Expected decaySteps to be a finite number > 0, received 0 in schedule "CosineDecay"');
    expect(() => cosineDecay({ initialLearningRate: 1, decaySteps: 10, alpha: 1.5 })).toThrow('Expected alpha to be a number in [0, 1], received 1.5 in schedule "CosineDecay"');
    expect(() => cosineDecay({ initialLearningRate: 1, decaySteps: 10, warmupTarget: -1 })).toThrow('Expected warmupTarget to be a finite number ≥ 0, received -1');
    expect(() => cosineDecay({ initialLearningRate: 1, decaySteps: 10, warmupSteps: 2.5 })).toThrow('Expected warmupSteps to be an integer ≥ 0, received 2.5');
  });
});
