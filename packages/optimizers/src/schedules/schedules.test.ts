import { beforeAll, expect, it } from 'vitest';
import { useBackend } from '@dendrite/test-utils';
import { tf } from '@dendrite/backend';
import { cosineDecay, exponentialDecay, getSchedule, inverseTimeDecay, oneCycle, piecewiseConstantDecay, polynomialDecay, serializeSchedule } from './index';
import { sgd } from '../index';

beforeAll(() => useBackend('cpu'));

it('exponential and inverse-time (power) decay follow their formulas, with and without staircase', () => {
  const exponential = exponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 });
  expect([0, 5, 10, 20].map((s) => exponential.call(s))).toEqual([0.1, 0.1 * 0.5 ** 0.5, 0.05, 0.025]);
  const stairs = exponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true });
  expect(stairs.call(15)).toBe(0.05);
  const power = inverseTimeDecay({ initialLearningRate: 0.01, decaySteps: 1, decayRate: 1e-4 });
  expect(power.call(10000)).toBeCloseTo(0.01 / 2, 12);
});

it('piecewise constant, polynomial and cosine decay follow Keras', () => {
  const piecewise = piecewiseConstantDecay({ boundaries: [5, 15], values: [1, 0.5, 0.1] });
  expect([0, 5, 6, 15, 16, 100].map((s) => piecewise.call(s))).toEqual([1, 1, 0.5, 0.5, 0.1, 0.1]);
  const polynomial = polynomialDecay({ initialLearningRate: 1, decaySteps: 10, endLearningRate: 0, power: 2 });
  expect([0, 5, 10, 20].map((s) => polynomial.call(s))).toEqual([1, 0.25, 0, 0]);
  const cycling = polynomialDecay({ initialLearningRate: 1, decaySteps: 10, endLearningRate: 0, cycle: true });
  expect(cycling.call(15)).toBeCloseTo(1 - 15 / 20, 12);
  const cosine = cosineDecay({ initialLearningRate: 1, decaySteps: 10, alpha: 0.1 });
  expect(cosine.call(5)).toBeCloseTo(0.9 * 0.5 + 0.1, 12);
  expect(cosine.call(50)).toBeCloseTo(0.1, 12);
  const warm = cosineDecay({ initialLearningRate: 0, decaySteps: 10, warmupTarget: 1, warmupSteps: 4 });
  expect(warm.call(2)).toBeCloseTo(0.5, 12);
  expect(warm.call(4)).toBeCloseTo(1, 12);
});

it('1cycle rises to η₁ at half the cycle, returns to η₀, then anneals (seed 003)', () => {
  const schedule = oneCycle({ totalSteps: 100, maxLearningRate: 0.1 });
  // lastSteps = 11, half cycle = floor(89 / 2) = 44
  expect(schedule.call(0)).toBeCloseTo(0.01, 12);
  expect(schedule.call(22)).toBeCloseTo(0.055, 12);
  expect(schedule.call(44)).toBeCloseTo(0.1, 12);
  expect(schedule.call(88)).toBeCloseTo(0.01, 12);
  expect(schedule.call(100)).toBeCloseTo(0.01 / 1000, 12);
});

it('drives an optimizer’s rate by its step and round-trips its config', () => {
  const schedule = exponentialDecay({ initialLearningRate: 1, decaySteps: 1, decayRate: 0.5 });
  const optimizer = sgd({ learningRate: schedule });
  const w = tf.variable(tf.zeros([1]));
  const rates: number[] = [];
  for (let i = 0; i < 3; i++) {
    rates.push(optimizer.currentLearningRate());
    const g = tf.ones([1]);
    optimizer.applyGradients([[g, w]]);
    g.dispose();
  }
  expect(rates).toEqual([1, 0.5, 0.25]);
  expect(Array.from(w.dataSync())).toEqual([-1.75]);
  w.dispose();
  expect(serializeSchedule(getSchedule(serializeSchedule(schedule)))).toEqual(serializeSchedule(schedule));
  expect((sgd.call(null, { learningRate: getSchedule(serializeSchedule(schedule)) }).getConfig().learning_rate as { class_name: string }).class_name).toBe('ExponentialDecay');
});

it('rejects bad schedule arguments, naming them', () => {
  expect(() => exponentialDecay({ initialLearningRate: 0.1, decaySteps: 0, decayRate: 0.5 })).toThrow('Expected decaySteps to be a number > 0, received 0 in schedule ExponentialDecay');
  expect(() => piecewiseConstantDecay({ boundaries: [1, 2], values: [1] })).toThrow(/Expected one more value than boundaries/);
  expect(() => oneCycle({ totalSteps: 2, maxLearningRate: 0.1 })).toThrow(/Expected totalSteps to be an integer ≥ 3, received 2/);
});
