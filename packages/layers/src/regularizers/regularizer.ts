import type { tf } from '@dendrite/backend';
import { ownArgsFromConfig } from '../engine/layer-args-from-config';

/**
 * The base of every regularizer (Keras's `keras.regularizers.Regularizer`): `call(weight)` gives
 * the penalty a weight adds to the loss, a scalar tensor; `getConfig()` gives Keras's config with
 * snake_case keys; `fromConfig` rebuilds the regularizer from it. Subclasses set
 * `static className` to their Keras class name.
 *
 * @example
 * ```ts
 * class SumSquares extends Regularizer {
 *   static override className = 'SumSquares';
 *   call(weight: tf.Tensor) { return tf.sum(tf.square(weight)); }
 * }
 * registerRegularizer(SumSquares);
 * ```
 */
export abstract class Regularizer {
  /** The Keras class name, as configs store it. */
  static className = 'Regularizer';

  /**
   * The penalty of `weight`: a new scalar tensor the caller owns.
   *
   * @param weight the weight's current value
   */
  abstract call(weight: tf.Tensor): tf.Tensor;

  /** Keras's config of this regularizer (snake_case keys). */
  getConfig(): Record<string, unknown> {
    return {};
  }

  /** The Keras class name of this regularizer (`'L2'`). */
  get className(): string {
    return (this.constructor as typeof Regularizer).className;
  }

  /**
   * Rebuilds a regularizer from a config as {@link Regularizer.getConfig} gives it.
   *
   * @example
   * ```ts
   * L2.fromConfig({ l2: 0.001 });
   * ```
   */
  static fromConfig<T extends Regularizer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    return new this(ownArgsFromConfig(this, config) as never);
  }
}
