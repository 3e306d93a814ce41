import type { tf } from '@dendrite/backend';
import { ownArgsFromConfig } from '../engine/layer-args-from-config';

/**
 * The base of every weight constraint (Keras's `keras.constraints.Constraint`): `call(weight)`
 * projects a weight back onto the allowed set after an optimizer step; `getConfig()` gives
 * Keras's config with snake_case keys; `fromConfig` rebuilds the constraint from it. Subclasses set
 * `static className` to their Keras class name.
 *
 * @example
 * ```ts
 * class Clip extends Constraint {
 *   static override className = 'Clip';
 *   call(weight: tf.Tensor) { return tf.clipByValue(weight, -1, 1); }
 * }
 * registerConstraint(Clip);
 * ```
 */
export abstract class Constraint {
  /** The Keras class name, as configs store it. */
  static className = 'Constraint';

  /**
   * The projected weight: a new tensor the caller owns.
   *
   * @param weight the weight's value after an update
   */
  abstract call(weight: tf.Tensor): tf.Tensor;

  /** Keras's config of this constraint (snake_case keys). */
  getConfig(): Record<string, unknown> {
    return {};
  }

  /** The Keras class name of this constraint (`'MaxNorm'`). */
  get className(): string {
    return (this.constructor as typeof Constraint).className;
  }

  /**
   * Rebuilds a constraint from a config as {@link Constraint.getConfig} gives it (snake_case or
   * camelCase keys).
   *
   * @example
   * ```ts
   * MaxNorm.fromConfig({ max_value: 3, axis: 0 });
   * ```
   */
  static fromConfig<T extends Constraint>(this: new (args: never) => T, config: Record<string, unknown>): T {
    return new this(ownArgsFromConfig(this, config) as never);
  }
}
