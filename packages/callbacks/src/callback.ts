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

  setModel(model: TrainingModel): void {
    this.model = model;
  }

  setParams(params: TrainingParams): void {
    this.params = params;
  }

  onTrainBegin(_logs?: Logs): void | Promise<void> {}
  onTrainEnd(_logs?: Logs): void | Promise<void> {}
  onEpochBegin(_epoch: number, _logs?: Logs): void | Promise<void> {}
  onEpochEnd(_epoch: number, _logs?: Logs): void | Promise<void> {}
  /** Before each training batch. */
  onBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  /** After each training batch; `logs` hold the running means of the epoch so far. */
  onBatchEnd(_batch: number, _logs?: Logs): void | Promise<void> {}
  onTestBegin(_logs?: Logs): void | Promise<void> {}
  onTestEnd(_logs?: Logs): void | Promise<void> {}
  onTestBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  onTestBatchEnd(_batch: number, _logs?: Logs): void | Promise<void> {}
  onPredictBegin(_logs?: Logs): void | Promise<void> {}
  onPredictEnd(_logs?: Logs): void | Promise<void> {}
  onPredictBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  onPredictBatchEnd(_batch: number, _logs?: Logs): void | Promise<void> {}
}
