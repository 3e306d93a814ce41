import { registerLayer } from '../engine/layer-registry';
import { cellArgsOf } from './cell-args-of';
import { LSTMCell, type LSTMCellArgs } from './lstm-cell';
import { RNN, type RNNOptions } from './rnn';
import { checkCellArgs } from './rnn-cell';

/** Arguments of {@link LSTM}: the cell's and the RNN's. */
export interface LSTMArgs extends LSTMCellArgs, RNNOptions {}

/**
 * Keras's `LSTM` (Hochreiter 1997) over `[batch, time, features]` inputs: an {@link RNN} around an
 * {@link LSTMCell}; with returnState the states are `[h, c]`.
 *
 * @example
 * ```ts
 * const [sequence, h, c] = lstm({ units: 4, returnSequences: true, returnState: true }).apply(x) as unknown as tf.Tensor[];
 * ```
 */
export class LSTM extends RNN<LSTMCell> {
  static override className = 'LSTM';

  /** @throws Error naming the layer and argument: units < 1, a rate outside [0, 1), stateful true, a bad identifier */
  constructor(args: LSTMArgs) {
    super({
      ...args,
      cell: (layerName) => {
        checkCellArgs(args, layerName);
        return new LSTMCell({ ...cellArgsOf(args), name: `${layerName}_cell` });
      },
    });
  }

  /** Size of the output and of each state (the cell's). */
  get units(): number {
    return this.cell.units;
  }

  override getConfig(): Record<string, unknown> {
    return this.flatConfig();
  }
}

registerLayer(LSTM, ['UnifiedLSTM']);

/**
 * Makes an {@link LSTM} layer.
 *
 * @example
 * ```ts
 * lstm({ units: 32, recurrentDropout: 0.2 });
 * ```
 */
export function lstm(args: LSTMArgs): LSTM {
  return new LSTM(args);
}
