import { Callback } from './callback';
import type { HookName } from './callback-list';
import type { Logs } from './training-model';

type Hook<Args extends unknown[]> = (...args: Args) => void | Promise<void>;

/** Hooks of a {@link LambdaCallback}, each optional; they may return a promise. */
export interface LambdaHooks {
  onTrainBegin?: Hook<[logs?: Logs]>;
  onTrainEnd?: Hook<[logs?: Logs]>;
  onEpochBegin?: Hook<[epoch: number, logs?: Logs]>;
  onEpochEnd?: Hook<[epoch: number, logs?: Logs]>;
  onBatchBegin?: Hook<[batch: number, logs?: Logs]>;
  onBatchEnd?: Hook<[batch: number, logs?: Logs]>;
  onTestBegin?: Hook<[logs?: Logs]>;
  onTestEnd?: Hook<[logs?: Logs]>;
  onTestBatchBegin?: Hook<[batch: number, logs?: Logs]>;
  onTestBatchEnd?: Hook<[batch: number, logs?: Logs]>;
  onPredictBegin?: Hook<[logs?: Logs]>;
  onPredictEnd?: Hook<[logs?: Logs]>;
  onPredictBatchBegin?: Hook<[batch: number, logs?: Logs]>;
  onPredictBatchEnd?: Hook<[batch: number, logs?: Logs]>;
}

const HOOKS: ReadonlySet<string> = new Set<HookName>([
  'onTrainBegin', 'onTrainEnd', 'onEpochBegin', 'onEpochEnd', 'onBatchBegin', 'onBatchEnd',
  'onTestBegin', 'onTestEnd', 'onTestBatchBegin', 'onTestBatchEnd',
  'onPredictBegin', 'onPredictEnd', 'onPredictBatchBegin', 'onPredictBatchEnd',
]);

/**
 * A callback made of functions, as Keras's `LambdaCallback`; the hooks not given do nothing.
 *
 * @example
 * ```ts
 * lambdaCallback({ onEpochEnd: (epoch, logs) => console.log(epoch, logs?.loss) });
 * ```
 */
export class LambdaCallback extends Callback {
  /** @throws Error naming a key that is not a hook, or a hook that is not a function */
  constructor(hooks: LambdaHooks) {
    super();
    if (hooks === null || typeof hooks !== 'object') throw new Error(`Expected hooks to be an object of functions in LambdaCallback, received ${String(hooks)}`);
    for (const [name, hook] of Object.entries(hooks)) {
      if (!HOOKS.has(name)) throw new Error(`Expected hook names among ${[...HOOKS].join(', ')} in LambdaCallback, received "${name}"`);
      if (hook === undefined) continue;
      if (typeof hook !== 'function') throw new Error(`Expected ${name} to be a function in LambdaCallback, received ${typeof hook}`);
      (this as unknown as Record<string, unknown>)[name] = hook;
    }
  }
}

/** Makes a {@link LambdaCallback}. */
export const lambdaCallback = (hooks: LambdaHooks) => new LambdaCallback(hooks);
