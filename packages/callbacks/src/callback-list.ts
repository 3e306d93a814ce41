import { Callback } from './callback';
import type { Logs, TrainingModel, TrainingParams } from './training-model';

/** The hooks of {@link Callback}. */
export type HookName =
  | 'onTrainBegin' | 'onTrainEnd' | 'onEpochBegin' | 'onEpochEnd' | 'onBatchBegin' | 'onBatchEnd'
  | 'onTrainBatchBegin' | 'onTrainBatchEnd'
  | 'onTestBegin' | 'onTestEnd' | 'onTestBatchBegin' | 'onTestBatchEnd'
  | 'onPredictBegin' | 'onPredictEnd' | 'onPredictBatchBegin' | 'onPredictBatchEnd';

/**
 * Calls a hook on every callback in order, awaiting each; what `fit` talks to.
 *
 * @example
 * ```ts
 * const list = new CallbackList([new History()]);
 * list.setModel(model);
 * await list.call('onEpochEnd', 0, { loss: 0.5 });
 * ```
 */
export class CallbackList {
  /** The callbacks, in call order. */
  readonly callbacks: Callback[];

  /** @throws Error naming the first entry that is not a Callback */
  constructor(callbacks: Callback[] = []) {
    for (const [index, callback] of callbacks.entries()) {
      if (!(callback instanceof Callback)) {
        throw new Error(`Expected callbacks[${index}] to be a Callback, received ${describe(callback)}`);
      }
    }
    this.callbacks = [...callbacks];
  }

  /** Gives every callback the model. */
  setModel(model: TrainingModel): void {
    for (const callback of this.callbacks) callback.setModel(model);
  }

  /** Gives every callback the run's parameters. */
  setParams(params: TrainingParams): void {
    for (const callback of this.callbacks) callback.setParams(params);
  }

  /** Whether any callback overrides a batch hook (the trainer then prepares batch logs). */
  hasBatchHooks(): boolean {
    return this.callbacks.some((callback) => callback.implementsBatchHooks());
  }

  /**
   * Calls `hook` on each callback in turn, awaiting a returned promise before the next. The training
   * batch hooks go through `onTrainBatchBegin`/`onTrainBatchEnd`, which call `onBatchBegin`/`onBatchEnd`
   * unless a callback overrides them (as Keras's `on_train_batch_*` and `on_batch_*`).
   */
  async call(hook: HookName, ...args: [number, Logs?] | [Logs?]): Promise<void> {
    const method = TRAIN_BATCH_HOOKS[hook] ?? hook;
    for (const callback of this.callbacks) {
      const result = (callback[method] as (...hookArgs: unknown[]) => void | Promise<void>).apply(callback, args);
      if (result instanceof Promise) await result;
    }
  }
}

const TRAIN_BATCH_HOOKS: Partial<Record<HookName, HookName>> = { onBatchBegin: 'onTrainBatchBegin', onBatchEnd: 'onTrainBatchEnd' };

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value !== 'object') return `${typeof value} ${String(value)}`;
  const name = (value as object).constructor?.name;
  return name && name !== 'Object' ? `an instance of ${name}` : 'a plain object';
}
