import { describeValue, optionKeys } from '@dendrite/backend/internal';
import { Callback } from './callback';
import { checkCallbackOptions } from './callback-options';
import type { HookName } from './callback-list';
import type { Logs } from './training-model';

type Hook<Args extends unknown[]> = (...args: Args) => void | Promise<void>;

/**
 * Hooks of a {@link LambdaCallback}, each optional; they may return a promise. Keras 3's
 * `on_train_batch_begin` / `on_train_batch_end` are `onTrainBatchBegin` / `onTrainBatchEnd`,
 * the same hooks as `onBatchBegin` / `onBatchEnd` (give one name of each pair).
 */
export interface LambdaHooks {
  onTrainBegin?: Hook<[logs?: Logs]>;
  onTrainEnd?: Hook<[logs?: Logs]>;
  onEpochBegin?: Hook<[epoch: number, logs?: Logs]>;
  onEpochEnd?: Hook<[epoch: number, logs?: Logs]>;
  onBatchBegin?: Hook<[batch: number, logs?: Logs]>;
  onBatchEnd?: Hook<[batch: number, logs?: Logs]>;
  onTrainBatchBegin?: Hook<[batch: number, logs?: Logs]>;
  onTrainBatchEnd?: Hook<[batch: number, logs?: Logs]>;
  onTestBegin?: Hook<[logs?: Logs]>;
  onTestEnd?: Hook<[logs?: Logs]>;
  onTestBatchBegin?: Hook<[batch: number, logs?: Logs]>;
  onTestBatchEnd?: Hook<[batch: number, logs?: Logs]>;
  onPredictBegin?: Hook<[logs?: Logs]>;
  onPredictEnd?: Hook<[logs?: Logs]>;
  onPredictBatchBegin?: Hook<[batch: number, logs?: Logs]>;
  onPredictBatchEnd?: Hook<[batch: number, logs?: Logs]>;
}

/** Keras 3's names of the training batch hooks, and the hooks they are. */
const TRAIN_BATCH_ALIASES: Readonly<Record<string, HookName>> = { onTrainBatchBegin: 'onBatchBegin', onTrainBatchEnd: 'onBatchEnd' };

/**
 * A callback made of functions, as Keras's `LambdaCallback`; the hooks not given do nothing.
 *
 * @example
 * ```ts
 * lambdaCallback({ onEpochEnd: (epoch, logs) => console.log(epoch, logs?.loss) });
 * ```
 */
export class LambdaCallback extends Callback {
  /** The hook names {@link LambdaHooks} holds, which the constructor checks. */
  static readonly optionKeys = optionKeys<LambdaHooks>({
    onTrainBegin: true, onTrainEnd: true, onEpochBegin: true, onEpochEnd: true, onBatchBegin: true, onBatchEnd: true,
    onTrainBatchBegin: true, onTrainBatchEnd: true, onTestBegin: true, onTestEnd: true, onTestBatchBegin: true, onTestBatchEnd: true,
    onPredictBegin: true, onPredictEnd: true, onPredictBatchBegin: true, onPredictBatchEnd: true,
  });

  /**
   * @throws TypeError naming a key that is not a hook and the hook meant (`on_epoch_end` → `onEpochEnd`)
   * @throws Error for a hook that is not a function, or one hook given under both its names
   */
  constructor(hooks: LambdaHooks) {
    super();
    if (hooks === null || typeof hooks !== 'object') throw new TypeError(`Expected hooks to be an object of functions in LambdaCallback, received ${describeValue(hooks)}`);
    checkCallbackOptions(hooks, new.target, 'LambdaCallback');
    for (const [key, hook] of Object.entries(hooks)) {
      if (hook === undefined) continue;
      if (typeof hook !== 'function') throw new Error(`Expected ${key} to be a function in LambdaCallback, received ${typeof hook}`);
      const name = TRAIN_BATCH_ALIASES[key] ?? key;
      if (name !== key && (hooks as Record<string, unknown>)[name] !== undefined) throw new Error(`Expected one of ${name} and ${key} (the same hook) in LambdaCallback, received both`);
      (this as unknown as Record<string, unknown>)[name] = hook;
    }
  }
}

/** Makes a {@link LambdaCallback}. */
export const lambdaCallback = (hooks: LambdaHooks) => new LambdaCallback(hooks);
