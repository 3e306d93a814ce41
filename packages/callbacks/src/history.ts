import { Callback } from './callback';
import type { Logs } from './training-model';

/**
 * Records every epoch's logs, as Keras's `History`: `epoch` holds the epochs trained and
 * `history.loss`, `history.accuracy`, `history.val_loss`… one value per epoch. `fit` adds one
 * and returns it.
 *
 * @example
 * ```ts
 * const history = await model.fit(x, y, { epochs: 20, validationSplit: 0.2 });
 * const best = Math.min(...history.history.val_loss);
 * ```
 */
export class History extends Callback {
  /** The epochs trained, in order (0-based, as Keras; a resumed run starts later). */
  epoch: number[] = [];
  /**
   * Each logged value's list, one entry per epoch that logged it (as Keras: with
   * `validationFreq: 2`, `val_loss` has half as many entries as `loss`).
   */
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

/** Makes a {@link History}. */
export const history = () => new History();
