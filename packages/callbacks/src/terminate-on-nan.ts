import { optionKeys } from '@dendrite/backend/internal';
import { Callback } from './callback';
import { checkCallbackOptions } from './callback-options';
import { pythonRepr } from './python-float';
import type { Logs } from './training-model';

/** Options of {@link TerminateOnNaN}. */
export interface TerminateOnNaNOptions {
  /**
   * Throw instead of stopping gracefully (false): `onTrainEnd` then does not run, which keeps a
   * BackupAndRestore backup from before the failure.
   */
  raiseError?: boolean;
}

/**
 * Stops training as soon as a batch's loss is NaN or ±Infinity (Keras's `TerminateOnNaN`), by
 * setting `model.stopTraining`, or by throwing with `raiseError`. It reads each batch's loss —
 * which makes the lazy batch logs read back from the backend every batch; that is its purpose.
 *
 * @example `await model.fit(x, y, { epochs: 10, callbacks: [terminateOnNaN()] })`
 */
export class TerminateOnNaN extends Callback {
  /** The keys of {@link TerminateOnNaNOptions}, which the constructor checks. */
  static readonly optionKeys = optionKeys<TerminateOnNaNOptions>({ raiseError: true });
  readonly raiseError: boolean;
  /** The batch (0-based) of the bad loss, or −1. */
  stoppedBatch = -1;

  /** @throws TypeError for an unknown option (`raise_error` → `raiseError`) */
  constructor(options: TerminateOnNaNOptions = {}) {
    super();
    checkCallbackOptions(options, new.target, 'TerminateOnNaN');
    this.raiseError = options.raiseError ?? false;
  }

  override onTrainBegin(): void {
    this.stoppedBatch = -1;
  }

  /** @throws Error with `raiseError` when the loss is NaN or infinite */
  override onBatchEnd(batch: number, logs?: Logs): void {
    const loss = logs?.loss;
    if (loss === undefined || loss === null || Number.isFinite(loss)) return;
    this.stoppedBatch = batch;
    if (this.raiseError) {
      throw new Error(`NaN or Inf loss encountered at batch ${batch}. Loss value: ${pythonRepr(loss)}. Terminating training immediately.`);
    }
    console.log(`Batch ${batch}: Invalid loss, terminating training`);
    this.model!.stopTraining = true;
  }
}

/** Makes a {@link TerminateOnNaN} callback. */
export const terminateOnNaN = (options: TerminateOnNaNOptions = {}) => new TerminateOnNaN(options);
