import { checkOptionKeys, classOptionKeys, keysToCamelCase, splitOptionKeys } from '@dendrite/backend/internal';

/**
 * A learning rate that depends on the optimizer's step, as Keras's `LearningRateSchedule`.
 * `call(step)` gives the rate for a step as a plain number: schedules run on the host, so a step
 * costs no backend work. Pass one as any optimizer's `learningRate`.
 *
 * @example
 * ```ts
 * class Halving extends LearningRateSchedule {
 *   static override className = 'Halving';
 *   call(step: number) { return 0.1 * 0.5 ** step; }
 *   getConfig() { return {}; }
 * }
 * registerSchedule(Halving);
 * sgd({ learningRate: new Halving() });
 * ```
 */
export abstract class LearningRateSchedule {
  /** The Keras class name, used by `{class_name, config}`. */
  static className = 'LearningRateSchedule';
  /** The option keys the class reads, declared by each schedule; a class without its own is not checked. */
  static readonly optionKeys: readonly string[] = [];

  /**
   * @param args the schedule's options, checked against the static `optionKeys` of the class and
   *   its parents (a user's schedule that declares none is not checked)
   * @throws TypeError for an unknown option (`Unknown option "decay_steps" in ExponentialDecay: did you mean "decaySteps"?`)
   *   or options that are not an object
   */
  constructor(args?: object) {
    const known = classOptionKeys(new.target);
    if (known !== undefined) checkOptionKeys(args, known, (new.target as unknown as typeof LearningRateSchedule).className);
  }

  /** The learning rate at `step` (the optimizer's `iterations`, from 0). */
  abstract call(step: number): number;

  /** The schedule's arguments with Keras's snake_case keys. */
  abstract getConfig(): Record<string, unknown>;

  /** The Keras class name of this schedule. */
  get className(): string {
    return (this.constructor as typeof LearningRateSchedule).className;
  }

  /** How errors name this schedule: `schedule "CosineDecay"`. */
  protected get owner(): string {
    return `schedule "${this.className}"`;
  }

  /**
   * Rebuilds a schedule from its Keras config (snake_case keys become camelCase arguments).
   *
   * @throws Error for a key the schedule's own config lacks (a typo, another schedule's option);
   *   Keras's `name` is accepted and ignored
   */
  static fromConfig<T extends LearningRateSchedule>(this: new (args: never) => T, config: Record<string, unknown>): T {
    const args = Object.fromEntries(Object.entries(keysToCamelCase(config)).filter(([, value]) => value !== null));
    // Keys the class does not read (Keras's `name`, another version's) are left to the check below.
    const readKeys = classOptionKeys(this);
    const schedule = new this((readKeys === undefined ? args : splitOptionKeys(args, readKeys).known) as never);
    const known = schedule.getConfig();
    const unknown = Object.keys(config).filter((key) => key !== 'name' && !(key in known));
    if (unknown.length > 0) {
      throw new Error(`Expected config keys of ${schedule.owner} among [${Object.keys(known).join(', ')}], received unknown [${unknown.join(', ')}]`);
    }
    return schedule;
  }
}
