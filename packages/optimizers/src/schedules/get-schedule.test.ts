import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { cosineDecay } from './cosine-decay';
import { exponentialDecay } from './exponential-decay';
import { getSchedule, registerSchedule, serializeSchedule } from './get-schedule';
import { inverseTimeDecay } from './inverse-time-decay';
import { LearningRateSchedule } from './learning-rate-schedule';
import { oneCycle } from './one-cycle';
import { piecewiseConstantDecay } from './piecewise-constant-decay';
import { polynomialDecay } from './polynomial-decay';

const EVERY_SCHEDULE: Array<[string, () => LearningRateSchedule]> = [
  ['ExponentialDecay', () => exponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true })],
  ['InverseTimeDecay', () => inverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 1 })],
  ['PiecewiseConstantDecay', () => piecewiseConstantDecay({ boundaries: [5, 15], values: [1, 0.5, 0.1] })],
  ['PolynomialDecay', () => polynomialDecay({ initialLearningRate: 1, decaySteps: 10, power: 2, cycle: true })],
  ['CosineDecay', () => cosineDecay({ initialLearningRate: 0, decaySteps: 10, alpha: 0.1, warmupTarget: 1, warmupSteps: 3 })],
  ['OneCycle', () => oneCycle({ totalSteps: 50, maxLearningRate: 0.1 })],
];

describeEachBackend('schedules: getSchedule and configs', () => {
  it.each(EVERY_SCHEDULE)('%s: getConfig → fromConfig round-trips and gives the same rates', (className, make) => {
    const schedule = make();
    const serialized = serializeSchedule(schedule);
    expect(serialized.class_name).toBe(className);
    const copy = getSchedule(JSON.parse(JSON.stringify(serialized)));
    expect(copy).not.toBe(schedule);
    expect(serializeSchedule(copy)).toEqual(serialized);
    for (const step of [0, 1, 4, 7, 12, 30, 60]) expect(copy.call(step)).toBe(schedule.call(step));
  });

  it('reads configs Keras writes (with a name key) and passes instances through', () => {
    const schedule = getSchedule({ class_name: 'ExponentialDecay', config: { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5, staircase: false, name: 'ExponentialDecay' } });
    expect(() => getSchedule({ class_name: 'ExponentialDecay', config: { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.5, staircas: true } })).toThrow(
      'Expected config keys of schedule "ExponentialDecay" among [initial_learning_rate, decay_steps, decay_rate, staircase], received unknown [staircas]',
    );
    expect(schedule.call(10)).toBeCloseTo(0.05, 15);
    expect(getSchedule(schedule)).toBe(schedule);
  });

  it('lists the known schedules for an unknown name', () => {
    expect(() => getSchedule({ class_name: 'StepDecay', config: {} })).toThrow(
      'Unknown learning rate schedule "StepDecay": expected one of ExponentialDecay, InverseTimeDecay, PiecewiseConstantDecay, PolynomialDecay, CosineDecay, OneCycle',
    );
  });

  it('registers custom schedules', () => {
    class Halving extends LearningRateSchedule {
      static override className = 'Halving';
      constructor(readonly args: { start: number }) {
        super();
      }
      call(step: number): number {
        return this.args.start * 0.5 ** step;
      }
      getConfig(): Record<string, unknown> {
        return { start: this.args.start };
      }
    }
    registerSchedule(Halving);
    expect(getSchedule({ class_name: 'Halving', config: { start: 8 } }).call(3)).toBe(1);
  });
});
