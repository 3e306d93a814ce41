import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { PolynomialDecay, polynomialDecay } from './polynomial-decay';

describeEachBackend('PolynomialDecay', () => {
  it('(lr0 − end) · (1 − min(step, D) / D)^power + end', () => {
    const schedule = polynomialDecay({ initialLearningRate: 1, decaySteps: 10, endLearningRate: 0.1, power: 2 });
    expect(schedule).toBeInstanceOf(PolynomialDecay);
    for (const step of [0, 3, 5, 10]) expect(schedule.call(step)).toBeCloseTo(0.9 * (1 - step / 10) ** 2 + 0.1, 15);
    expect(schedule.call(50)).toBeCloseTo(0.1, 15);
  });

  it('defaults to a linear decay to 0.0001', () => {
    const schedule = polynomialDecay({ initialLearningRate: 0.1, decaySteps: 100 });
    expect(schedule.call(50)).toBeCloseTo((0.1 - 0.0001) * 0.5 + 0.0001, 15);
    expect(schedule.call(200)).toBeCloseTo(0.0001, 15);
  });

  it('with cycle, decays over the first multiple of D at or above the step', () => {
    const schedule = polynomialDecay({ initialLearningRate: 1, decaySteps: 10, endLearningRate: 0, cycle: true });
    // step 0 → D; 10 → D; 11 and 15 → 2D; 25 → 3D
    expect(schedule.call(0)).toBe(1);
    expect(schedule.call(10)).toBe(0);
    expect(schedule.call(11)).toBeCloseTo(1 - 11 / 20, 15);
    expect(schedule.call(15)).toBeCloseTo(0.25, 15);
    expect(schedule.call(25)).toBeCloseTo(1 - 25 / 30, 15);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => polynomialDecay({ initialLearningRate: 1, decaySteps: 0 })).toThrow('Expected decaySteps to be a finite number > 0, received 0 in schedule "PolynomialDecay"');
    expect(() => polynomialDecay({ initialLearningRate: 1, decaySteps: 10, endLearningRate: -1 })).toThrow('Expected endLearningRate to be a finite number ≥ 0, received -1');
    expect(() => polynomialDecay({ initialLearningRate: 1, decaySteps: 10, power: 0 })).toThrow('Expected power to be a finite number > 0, received 0');
    expect(() => polynomialDecay({ initialLearningRate: 1, decaySteps: 10, cycle: 'no' as never })).toThrow('Expected cycle to be a boolean, received "no"');
  });
});
