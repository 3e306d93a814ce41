import { type KerasSerialized, ObjectRegistry } from '@dendrite/backend/internal';
import { CosineDecay } from './cosine-decay';
import { ExponentialDecay } from './exponential-decay';
import { InverseTimeDecay } from './inverse-time-decay';
import { LearningRateSchedule } from './learning-rate-schedule';
import { OneCycle } from './one-cycle';
import { PiecewiseConstantDecay } from './piecewise-constant-decay';
import { PolynomialDecay } from './polynomial-decay';

/** A schedule class as the registry needs it: its Keras name and a way to build it from a config. */
export interface ScheduleClass {
  className: string;
  fromConfig(config: Record<string, unknown>): LearningRateSchedule;
}

const registry = new ObjectRegistry<LearningRateSchedule>('learning rate schedule', (value): value is LearningRateSchedule => value instanceof LearningRateSchedule);

/**
 * Registers a schedule class under its `className`, so configs naming it can be loaded.
 *
 * @throws Error when the name is taken by another class
 */
export function registerSchedule(scheduleClass: ScheduleClass): void {
  registry.register(scheduleClass.className, (config) => scheduleClass.fromConfig(config));
}

// Registered here rather than beside each class: with `sideEffects: false`, a bundler may drop a
// module whose only use is registering itself.
for (const scheduleClass of [ExponentialDecay, InverseTimeDecay, PiecewiseConstantDecay, PolynomialDecay, CosineDecay, OneCycle]) registerSchedule(scheduleClass);

/**
 * Resolves a schedule from `{class_name, config}` (Keras's serialized form) or an instance, which
 * passes through.
 *
 * @throws Error for an unknown class name, listing the known ones
 * @example
 * ```ts
 * getSchedule({ class_name: 'ExponentialDecay', config: { initial_learning_rate: 0.1, decay_steps: 100, decay_rate: 0.9 } });
 * ```
 */
export function getSchedule(identifier: KerasSerialized | LearningRateSchedule): LearningRateSchedule {
  return registry.get(identifier);
}

/**
 * `{class_name, config}` of a schedule, as Keras saves it inside an optimizer's config.
 *
 * @example
 * ```ts
 * serializeSchedule(cosineDecay({ initialLearningRate: 0.1, decaySteps: 1000 })); // { class_name: 'CosineDecay', config: {…} }
 * ```
 */
export function serializeSchedule(schedule: LearningRateSchedule): KerasSerialized {
  return { class_name: schedule.className, config: schedule.getConfig() };
}
