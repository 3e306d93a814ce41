import { type KerasSerialized, ObjectRegistry, keysToCamelCase } from '@dendrite/backend';

/**
 * A learning rate that depends on the optimizer's step, as Keras's `LearningRateSchedule`:
 * `call(step)` gives the rate for that step (a plain number: schedules run on the host, so a
 * step costs no backend work).
 */
export abstract class LearningRateSchedule {
  static className = 'LearningRateSchedule';
  abstract call(step: number): number;
  abstract getConfig(): Record<string, unknown>;
  get className(): string {
    return (this.constructor as typeof LearningRateSchedule).className;
  }
  static fromConfig<T extends LearningRateSchedule>(this: new (args: never) => T, config: Record<string, unknown>): T {
    return new this(keysToCamelCase(config) as never);
  }
}

/** Checks one numeric argument of a schedule, naming it. */
export function checkScheduleArgument(value: unknown, argumentName: string, className: string, condition: (v: number) => boolean, expected: string): number {
  if (typeof value !== 'number' || !condition(value)) {
    throw new Error(`Expected ${argumentName} to be ${expected}, received ${JSON.stringify(value)} in schedule ${className}`);
  }
  return value;
}

/** Whether a number is finite and ≥ 0. */
export const nonNegative = (v: number) => Number.isFinite(v) && v >= 0;
/** Whether a number is finite and > 0. */
export const positive = (v: number) => Number.isFinite(v) && v > 0;

export const scheduleRegistry = new ObjectRegistry<LearningRateSchedule>(
  'learning rate schedule',
  (value): value is LearningRateSchedule => value instanceof LearningRateSchedule,
);

/** Resolves a schedule from `{class_name, config}` or an instance. */
export function getSchedule(identifier: KerasSerialized | LearningRateSchedule): LearningRateSchedule {
  return scheduleRegistry.get(identifier);
}

/** `{class_name, config}` of a schedule. */
export function serializeSchedule(schedule: LearningRateSchedule): KerasSerialized {
  return { class_name: schedule.className, config: schedule.getConfig() };
}
