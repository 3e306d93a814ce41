import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { cosineDecay } from './cosine-decay';
import { ExponentialDecay } from './exponential-decay';
import { LearningRateSchedule } from './learning-rate-schedule';
import { oneCycle } from './one-cycle';
import { polynomialDecay } from './polynomial-decay';

describeEachBackend('schedule options', () => {
  it('PolynomialDecay does not cycle by default: past decaySteps it stays at the end rate', () => {
    const schedule = polynomialDecay({ initialLearningRate: 1, decaySteps: 10, endLearningRate: 0 });
    expect(schedule.cycle).toBe(false);
    // With cycle, step 15 would decay over 20 steps: 1 − 15/20 = 0.25.
    expect([5, 15, 25].map((step) => schedule.call(step))).toEqual([0.5, 0, 0]);
  });

  it('names initialLearningRate and lastLearningRate when they are out of range', () => {
    expect(() => cosineDecay({ initialLearningRate: -1, decaySteps: 10 })).toThrow(new RangeError('Expected initialLearningRate to be a finite number ≥ 0, received -1 in schedule "CosineDecay"'));
    expect(() => polynomialDecay({ initialLearningRate: -1, decaySteps: 10 })).toThrow(new RangeError('Expected initialLearningRate to be a finite number ≥ 0, received -1 in schedule "PolynomialDecay"'));
    expect(() => oneCycle({ totalSteps: 10, maxLearningRate: 1, lastLearningRate: -1 })).toThrow(new RangeError('Expected lastLearningRate to be a finite number ≥ 0, received -1 in schedule "OneCycle"'));
  });

  it('lists every unknown config key, comma-separated', () => {
    expect(() => ExponentialDecay.fromConfig({ initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5, a: 1, b: 2 })).toThrow(
      new Error('Expected config keys of schedule "ExponentialDecay" among [initial_learning_rate, decay_steps, decay_rate, staircase], received unknown [a, b]'),
    );
  });

  it('leaves the options of a schedule that declares no option keys unchecked', () => {
    class Constant extends LearningRateSchedule {
      static override className = 'Constant';
      readonly rate: number;
      constructor(args: { rate: number }) {
        super(args);
        this.rate = args.rate;
      }
      call(): number {
        return this.rate;
      }
      getConfig(): Record<string, unknown> {
        return { rate: this.rate };
      }
    }
    expect(new Constant({ rate: 0.5 }).call()).toBe(0.5);
  });
});
