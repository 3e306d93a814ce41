import { type KerasSerialized, classOptionKeys, splitOptionKeys, toCamelCase, describeValue } from '@dendrite/backend/internal';
import { getSchedule } from './schedules/get-schedule';

/** Keras config keys whose camelCase spelling is not the plain conversion. */
const ARGUMENT_NAMES: Record<string, string> = { clipnorm: 'clipNorm', clipvalue: 'clipValue', global_clipnorm: 'globalClipNorm' };

/** Keras 3 options Dendrite does not implement: accepted only at their "off" values. */
const UNSUPPORTED_WHEN_SET = ['use_ema', 'ema_overwrite_frequency', 'loss_scale_factor', 'gradient_accumulation_steps'];

/** Keys Keras writes that change nothing here (`decay` is ignored by Keras 3 too). */
const IGNORED = ['ema_momentum', 'jit_compile', 'is_legacy_optimizer', 'decay'];

/**
 * Turns a Keras optimizer config (snake_case keys) into constructor arguments (camelCase): nulls
 * become defaults, a `{class_name, config}` learning rate becomes a schedule, and Keras-only keys
 * are dropped when they are off.
 *
 * @param className for messages
 * @throws Error when the config turns on a Keras option Dendrite lacks (EMA, loss scaling,
 *   gradient accumulation)
 * @example
 * ```ts
 * configToArgs({ learning_rate: 0.01, beta_1: 0.8, clipnorm: null }, 'Adam'); // { learningRate: 0.01, beta1: 0.8 }
 * ```
 */
export function configToArgs(config: Record<string, unknown>, className: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (UNSUPPORTED_WHEN_SET.includes(key)) {
      if (value != null && value !== false) {
        throw new Error(`Expected ${key} to be off (null or false) in the config of optimizer ${className}, which Dendrite does not support, received ${describeValue(value)}`);
      }
      continue;
    }
    if (IGNORED.includes(key) || value === null) continue;
    const isSerializedSchedule = key === 'learning_rate' && typeof value === 'object';
    args[ARGUMENT_NAMES[key] ?? toCamelCase(key)] = isSerializedSchedule ? getSchedule(value as KerasSerialized) : value;
  }
  return args;
}

/**
 * The keys of `config` that an optimizer's own config lacks (after those Keras writes and
 * Dendrite ignores): typos and options of another optimizer.
 */
export function unknownConfigKeys(config: Record<string, unknown>, known: Record<string, unknown>): string[] {
  return Object.keys(config).filter((key) => !(key in known) && !UNSUPPORTED_WHEN_SET.includes(key) && !IGNORED.includes(key));
}

/**
 * `Optimizer.fromConfig`: the class built from a Keras config. A file's keys from another Keras
 * version are not a user's typos: the constructor gets the keys it reads, and the rest are named
 * as keys the optimizer's config lacks.
 *
 * @param optimizerClass the class, with its Keras name
 * @throws Error for a key the optimizer's config lacks, or a Keras option Dendrite lacks turned on
 */
export function optimizerFromConfig<T extends { getConfig(): Record<string, unknown> }>(
  optimizerClass: { className: string } & (new (args: Record<string, unknown>) => T),
  config: Record<string, unknown>,
): T {
  const { className } = optimizerClass;
  const args = configToArgs(config, className);
  const known = classOptionKeys(optimizerClass);
  const optimizer = new optimizerClass(known === undefined ? args : splitOptionKeys(args, known).known);
  const configKeys = optimizer.getConfig();
  const unknown = unknownConfigKeys(config, configKeys);
  if (unknown.length > 0) throw new Error(`Expected config keys of optimizer ${className} among [${Object.keys(configKeys).join(', ')}], received unknown [${unknown.join(', ')}]`);
  return optimizer;
}
