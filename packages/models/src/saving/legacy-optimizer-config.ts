import { type KerasSerialized, isKerasSerialized } from '@dendrite/backend/internal';

type Json = Record<string, unknown>;

/**
 * The class name an optimizer had before it reached a file: tf.keras 2.11+ registers its
 * optimizers as `Custom>Adam`, and a module path (`keras.optimizers.legacy.Adam`) may precede it.
 */
export function plainClassName(className: string): string {
  return className.replace(/^Custom>/, '').replace(/^(tf\.)?keras\.optimizers\.(legacy\.|experimental\.)?/, '');
}

/**
 * An optimizer config from a file (a legacy `.h5`'s `training_config`, a `.keras` archive's
 * `compile_config`) in today's Keras spelling:
 *
 * - `Custom>Adam` (tf.keras 2.11+) and `keras.optimizers.legacy.Adam` read as `Adam`;
 * - `LossScaleOptimizer` (mixed precision) read as its inner optimizer: loss scaling only matters
 *   for float16 gradients, and Dendrite computes in float32;
 * - Keras ≤ 2.2's `lr` read as `learning_rate`;
 * - Keras 2's `decay` (a positive number) read as the inverse-time decay Keras 2 applied at every
 *   step, `lr / (1 + decay · iterations)`: an `InverseTimeDecay` schedule with `decay_steps: 1`.
 *   Keras 3 ignores `decay`; a Keras 2 model resumed here trains as it did there.
 *
 * Plain data in, plain data out; anything that is not a `{class_name, config}` is returned as is.
 *
 * @example
 * ```ts
 * legacyOptimizerConfig({ class_name: 'Adam', config: { lr: 0.01, decay: 1e-4 } });
 * // { class_name: 'Adam', config: { learning_rate: { class_name: 'InverseTimeDecay', config: {
 * //   initial_learning_rate: 0.01, decay_steps: 1, decay_rate: 1e-4, staircase: false } } } }
 * ```
 */
export function legacyOptimizerConfig(serialized: unknown): unknown {
  if (!isKerasSerialized(serialized)) return serialized;
  const className = plainClassName(serialized.class_name);
  const { lr, decay, ...config } = (serialized.config ?? {}) as Json;
  if (className === 'LossScaleOptimizer') return legacyOptimizerConfig(config.inner_optimizer ?? config.optimizer);
  let learningRate = config.learning_rate ?? lr;
  if (typeof decay === 'number' && decay > 0 && typeof learningRate === 'number') {
    learningRate = { class_name: 'InverseTimeDecay', config: { initial_learning_rate: learningRate, decay_steps: 1, decay_rate: decay, staircase: false } };
  }
  const result: KerasSerialized = { ...serialized, class_name: className, config: learningRate === undefined ? config : { ...config, learning_rate: learningRate } };
  return result;
}
