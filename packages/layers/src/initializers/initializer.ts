import type { tf } from '@dendrite/backend';
import { ownArgsFromConfig } from '../engine/layer-args-from-config';

/**
 * The base of every initializer (Keras's `keras.initializers.Initializer`): `call(shape, dtype)`
 * makes a weight's first value; `getConfig()` gives Keras's config with snake_case keys;
 * `fromConfig` rebuilds the initializer from it. Subclasses set `static className` to their Keras
 * class name, which is what configs store.
 *
 * @example
 * ```ts
 * class Halves extends Initializer {
 *   static override className = 'Halves';
 *   call(shape: number[], dtype: tf.DataType = 'float32') { return tf.fill(shape, 0.5, dtype); }
 * }
 * registerInitializer(Halves);
 * ```
 */
export abstract class Initializer {
  /** The Keras class name, as configs store it. */
  static className = 'Initializer';

  /**
   * Makes a new tensor of `shape`; the caller owns (and disposes) it.
   *
   * @param shape the weight's shape
   * @param dtype the weight's dtype, float32 by default
   * @throws Error when the shape is not an array of non-negative integers, or does not suit the initializer
   */
  abstract call(shape: number[], dtype?: tf.DataType): tf.Tensor;

  /** Keras's config of this initializer (snake_case keys); `{}` when it has no arguments. */
  getConfig(): Record<string, unknown> {
    return {};
  }

  /** The Keras class name of this initializer (`'GlorotUniform'`). */
  get className(): string {
    return (this.constructor as typeof Initializer).className;
  }

  /**
   * Rebuilds an initializer from a config as {@link Initializer.getConfig} gives it (snake_case or
   * camelCase keys).
   *
   * @example
   * ```ts
   * RandomNormal.fromConfig({ mean: 0, stddev: 0.1, seed: null });
   * ```
   */
  static fromConfig<T extends Initializer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    return new this(ownArgsFromConfig(this, config) as never);
  }
}
