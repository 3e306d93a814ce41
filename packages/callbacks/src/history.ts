import { Callback } from './callback';
import type { Logs } from './training-model';

/**
 * Records every epoch's logs, as Keras's `History`: `epoch` holds the epoch indices and
 * `history.loss`, `history.accuracy`, `history.val_loss`… the values. `fit` returns it.
 */
export class History extends Callback {
  /** The epochs trained, in order (0-based, as Keras). */
  epoch: number[] = [];
  /** Each logged value's list, one entry per epoch. */
  history: Record<string, number[]> = {};

  override onTrainBegin(): void {
    this.epoch = [];
    this.history = {};
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    this.epoch.push(epoch);
    for (const [key, value] of Object.entries(logs)) (this.history[key] ??= []).push(value);
  }
}
