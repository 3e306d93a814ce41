import { optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { cellArgsOf } from './cell-args-of';
import { LSTMCell, type LSTMCellArgs } from './lstm-cell';
import { RNN, type RNNArgs, type RNNOptions } from './rnn';
import { RNN_CELL_KEYS, checkCellArgs } from './rnn-cell';
import { positionalOptions } from '../engine/positional-options';

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
  /** The option keys this class adds to its parent's, refused when misspelled. */
  // Stryker disable BooleanLiteral: optionKeys reads only the keys (Object.keys): `true` marks a key, `false` would list it the same
  static override readonly optionKeys = optionKeys<LSTMArgs, RNNArgs>({
    ...RNN_CELL_KEYS,
    recurrentActivation: true,
    unitForgetBias: true,
  });
  // Stryker restore BooleanLiteral

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
 * Keras's positional arguments may come first, as `LSTM(units, ...)`: `lstm(units, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * lstm({ units: 32, recurrentDropout: 0.2 });
 * ```
 */
export function lstm(args: LSTMArgs): LSTM;
export function lstm(units: NonNullable<LSTMArgs['units']>, options?: Omit<LSTMArgs, 'units'>): LSTM;
export function lstm(...values: unknown[]): LSTM {
  return new LSTM(positionalOptions<LSTMArgs>(values, ['units'], 'layer LSTM'));
}
