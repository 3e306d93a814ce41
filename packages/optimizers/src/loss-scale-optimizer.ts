import { type KerasSerialized, describeValue } from '@dendrite/backend/internal';
import type { Optimizer } from './optimizer';

/** Keras 3's `LossScaleOptimizer` config, as `.keras` files hold it (tf.keras 2.x writes the same keys, with `dynamic`). */
export interface LossScaleOptimizerConfig {
  /** The wrapped optimizer, `{class_name, config}` (Keras 3 adds `module` and `registered_name`). */
  inner_optimizer: KerasSerialized | string;
  /** The starting loss scale (Keras's default 2¹⁵). */
  initial_scale?: number;
  /** Steps with finite gradients between doublings of the scale (Keras's default 2000). */
  dynamic_growth_steps?: number;
  /** tf.keras 2.x: whether the scale adapts; Keras 3 refuses false. */
  dynamic?: boolean;
  /** The wrapper's name. */
  name?: string | null;
}

/** Base-optimizer keys Keras 3 still accepts in the wrapper's config, at these values only. */
const BASE_DEFAULTS: Record<string, unknown> = {
  weight_decay: null,
  clipnorm: null,
  global_clipnorm: null,
  clipvalue: null,
  use_ema: false,
  ema_momentum: 0.99,
  ema_overwrite_frequency: null,
  loss_scale_factor: null,
  gradient_accumulation_steps: null,
};

/** The wrapper's own keys; `optimizer` and `loss_scale` are tf.keras 2.3's experimental spelling. */
const OWN_KEYS = ['inner_optimizer', 'optimizer', 'initial_scale', 'dynamic_growth_steps', 'dynamic', 'loss_scale', 'name'];

/** Keys tf.keras 2.11+ writes that mean nothing here. */
const IGNORED_KEYS = ['is_legacy_optimizer', 'jit_compile'];

/**
 * Reads Keras's `LossScaleOptimizer` (`LossScaleOptimizerV3`, tf.keras's `LossScaleOptimizerV1`)
 * from a file's config as **its inner optimizer**. Loss scaling keeps float16 gradients from
 * underflowing: the loss is multiplied by the scale and the gradients divided by it before the
 * inner optimizer's step, and steps with non-finite gradients are skipped. Dendrite trains in
 * float32, where the scaled and unscaled steps are the same, so the model gets the inner
 * optimizer itself (its class, hyperparameters and, through the saving code, its slots); saving
 * again writes the inner optimizer.
 *
 * @param config the wrapper's config, `{inner_optimizer, initial_scale, dynamic_growth_steps}`
 * @param resolve builds the inner optimizer from its `{class_name, config}` (the optimizer registry)
 * @throws Error naming the key for a missing inner optimizer, a base option turned on (set it on
 *   the inner optimizer, as Keras says), an unknown key, or a scale that is not a number > 0
 * @example
 * ```ts
 * get({ class_name: 'LossScaleOptimizer', config: { inner_optimizer: { class_name: 'Adam', config: {} }, initial_scale: 32768, dynamic_growth_steps: 2000 } });
 * // an Adam
 * ```
 */
export function lossScaleOptimizerFromConfig(config: Record<string, unknown>, resolve: (inner: KerasSerialized | string) => Optimizer): Optimizer {
  const owner = 'the config of optimizer LossScaleOptimizer';
  for (const [key, value] of Object.entries(config)) {
    if (OWN_KEYS.includes(key) || IGNORED_KEYS.includes(key)) continue;
    if (key in BASE_DEFAULTS) {
      if (value === BASE_DEFAULTS[key] || (value === undefined && BASE_DEFAULTS[key] === null)) continue;
      throw new Error(`Expected ${key} to be ${describeValue(BASE_DEFAULTS[key])} in ${owner} (set it on the inner optimizer), received ${describeValue(value)}`);
    }
    throw new Error(`Expected config keys of optimizer LossScaleOptimizer among [${['inner_optimizer', 'initial_scale', 'dynamic_growth_steps', 'name'].join(', ')}], received unknown [${key}]`);
  }
  for (const key of ['initial_scale', 'dynamic_growth_steps']) {
    const value = config[key];
    if (value != null && (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value))) {
      throw new Error(`Expected ${key} to be a finite number > 0 in ${owner}, received ${describeValue(value)}`);
    }
  }
  const inner = config.inner_optimizer ?? config.optimizer;
  if (typeof inner !== 'string' && (typeof inner !== 'object' || inner === null)) {
    throw new TypeError(`Expected inner_optimizer to be an optimizer’s {class_name, config} in ${owner}, received ${describeValue(inner)}`);
  }
  return resolve(inner as KerasSerialized | string);
}
