import type { Logs, TrainingModel, TrainingParams } from './training-model';

/**
 * The base of every callback, with Keras's hooks. Each hook may return a promise; `fit` awaits it.
 * Batch hooks receive lazy logs: a value is read back from the backend only when a callback reads
 * it, so training runs without per-batch synchronisation unless someone looks.
 *
 * @example
 * ```ts
 * class Announce extends Callback {
 *   override onEpochEnd(epoch: number, logs: Logs) { console.log(epoch, logs.loss); }
 * }
 * ```
 */
export abstract class Callback {
  /** The model being trained (set by `fit` before `onTrainBegin`). */
  model?: TrainingModel;
  /** The run's parameters (set by `fit` before `onTrainBegin`). */
  params?: TrainingParams;

  /** Gives the callback the model (called by `fit`, `evaluate` and `predict`). */
  setModel(model: TrainingModel): void {
    this.model = model;
  }

  /** Gives the callback the run's parameters (called before `onTrainBegin`). */
  setParams(params: TrainingParams): void {
    this.params = params;
  }

  /** Once before the first epoch; `fit` reads resume points (`initialEpoch`) right after. */
  onTrainBegin(_logs?: Logs): void | Promise<void> {}
  /** Once after the last epoch, also when a callback set `model.stopTraining`. */
  onTrainEnd(_logs?: Logs): void | Promise<void> {}
  /** Before each epoch (0-based index). */
  onEpochBegin(_epoch: number, _logs?: Logs): void | Promise<void> {}
  /**
   * After each epoch, with the epoch's logs (`loss`, metrics, `val_*`); a callback may add
   * entries (ReduceLROnPlateau adds `learning_rate`) that later callbacks see.
   */
  onEpochEnd(_epoch: number, _logs?: Logs): void | Promise<void> {}
  /**
   * Whether this callback acts on training batches (Keras's `_implements_train_batch_hooks`): by
   * default, whether it overrides a batch hook. When no callback does, `fit` skips building batch
   * logs and awaiting hooks on every step; callbacks whose batch hooks depend on an option say so.
   */
  implementsBatchHooks(): boolean {
    const prototype = Callback.prototype;
    return this.onBatchEnd !== prototype.onBatchEnd || this.onBatchBegin !== prototype.onBatchBegin
      || this.onTrainBatchEnd !== prototype.onTrainBatchEnd || this.onTrainBatchBegin !== prototype.onTrainBatchBegin;
  }
  /** Before each training batch (the older name of {@link onTrainBatchBegin}, which calls it). */
  onBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  /** After each training batch; `logs` hold the running means of the epoch so far. */
  onBatchEnd(_batch: number, _logs?: Logs): void | Promise<void> {}
  /**
   * Before each training batch: Keras's `on_train_batch_begin`. What the trainer calls; by default
   * it calls {@link onBatchBegin}, as Keras's base class does, so overriding either works.
   */
  onTrainBatchBegin(batch: number, logs?: Logs): void | Promise<void> {
    return this.onBatchBegin(batch, logs);
  }
  /** After each training batch: Keras's `on_train_batch_end`; by default calls {@link onBatchEnd}. */
  onTrainBatchEnd(batch: number, logs?: Logs): void | Promise<void> {
    return this.onBatchEnd(batch, logs);
  }
  /** Before an evaluation. */
  onTestBegin(_logs?: Logs): void | Promise<void> {}
  /** After an evaluation, with its logs. */
  onTestEnd(_logs?: Logs): void | Promise<void> {}
  /** Before each evaluation batch. */
  onTestBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  /** After each evaluation batch. */
  onTestBatchEnd(_batch: number, _logs?: Logs): void | Promise<void> {}
  /** Before a prediction. */
  onPredictBegin(_logs?: Logs): void | Promise<void> {}
  /** After a prediction. */
  onPredictEnd(_logs?: Logs): void | Promise<void> {}
  /** Before each prediction batch. */
  onPredictBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  /** After each prediction batch. */
  onPredictBatchEnd(_batch: number, _logs?: Logs): void | Promise<void> {}
}
