import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { OneCycle, oneCycle } from './one-cycle';
import { sgd } from '../sgd';
import { makeVariable, stepWith } from '@dendrite/optimizers/testing';

describeEachBackend('OneCycle (seed 003’s 1cycle)', () => {
  it('rises η₀ → η₁ over the first half, falls back to η₀ over the second, then anneals to a tiny rate', () => {
    // Defaults for 100 steps: η₀ = 0.1 / 10, 11 annealing steps, last rate η₀ / 1000, half cycle h = floor(89 / 2) = 44.
    const schedule = oneCycle({ totalSteps: 100, maxLearningRate: 0.1 });
    expect(schedule).toBeInstanceOf(OneCycle);
    expect([schedule.startLearningRate, schedule.lastSteps, schedule.lastLearningRate, schedule.halfCycle]).toEqual([0.01, 11, 0.00001, 44]);
    const byHand = (step: number) => {
      if (step < 44) return 0.01 + ((0.1 - 0.01) * step) / 44;
      if (step < 88) return 0.1 + ((0.01 - 0.1) * (step - 44)) / 44;
      return 0.01 + ((0.00001 - 0.01) * (Math.min(step, 100) - 88)) / 12;
    };
    for (const step of [0, 11, 22, 43, 44, 66, 87, 88, 94, 99, 100, 150]) expect(schedule.call(step)).toBeCloseTo(byHand(step), 15);
    expect(schedule.call(22)).toBeCloseTo(0.055, 15);
    expect(schedule.call(44)).toBeCloseTo(0.1, 15);
    expect(schedule.call(88)).toBeCloseTo(0.01, 15);
    expect(schedule.call(100)).toBeCloseTo(0.00001, 15);
    expect(schedule.call(10000)).toBeCloseTo(0.00001, 15);
  });

  it('takes every parameter', () => {
    const schedule = oneCycle({ totalSteps: 10, maxLearningRate: 1, startLearningRate: 0.2, lastSteps: 2, lastLearningRate: 0.002 });
    // h = floor(8 / 2) = 4
    const expected = [0.2, 0.6, 1, 0.6, 0.2, 0.101, 0.002];
    [0, 2, 4, 6, 8, 9, 10].forEach((step, index) => expect(schedule.call(step)).toBeCloseTo(expected[index], 15));
  });

  it('without annealing steps, ends the cycle at η₀', () => {
    const schedule = oneCycle({ totalSteps: 10, maxLearningRate: 1, startLearningRate: 0.1, lastSteps: 0 });
    expect([0, 5, 10, 20].map((step) => schedule.call(step))).toEqual([0.1, 1, 0.1, 0.1]);
  });

  it('drives SGD with momentum step by step', () => {
    const optimizer = sgd({ momentum: 0.9, learningRate: oneCycle({ totalSteps: 10, maxLearningRate: 1, startLearningRate: 0.2, lastSteps: 2 }) });
    const w = makeVariable([0]);
    const rates: number[] = [];
    for (let i = 0; i < 5; i++) {
      rates.push(optimizer.currentLearningRate());
      stepWith(optimizer, w, [0]);
    }
    expect(rates.map((rate) => +rate.toFixed(12))).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    w.dispose();
    optimizer.dispose();
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => oneCycle({ totalSteps: 2, maxLearningRate: 0.1 })).toThrow('Expected totalSteps to be an integer ≥ 3, received 2 in schedule "OneCycle"');
    expect(() => oneCycle({ totalSteps: 100, maxLearningRate: 0 })).toThrow('Expected maxLearningRate to be a finite number > 0, received 0 in schedule "OneCycle"');
    expect(() => oneCycle({ totalSteps: 10, maxLearningRate: 0.1, lastSteps: 9 })).toThrow('Expected lastSteps to leave a cycle of ≥ 2 steps of totalSteps 10 in schedule "OneCycle", received 9');
    expect(() => oneCycle({ totalSteps: 10, maxLearningRate: 0.1, lastSteps: -1 })).toThrow('Expected lastSteps to be an integer ≥ 0, received -1');
    expect(() => oneCycle({ totalSteps: 10, maxLearningRate: 0.1, startLearningRate: -1 })).toThrow('Expected startLearningRate to be a finite number ≥ 0, received -1');
  });
});
