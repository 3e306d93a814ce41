import { optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { cellArgsOf } from './cell-args-of';
import { RNN, type RNNArgs, type RNNOptions } from './rnn';
import { RNN_CELL_KEYS, checkCellArgs } from './rnn-cell';
import { SimpleRNNCell, type SimpleRNNCellArgs } from './simple-rnn-cell';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link SimpleRNN}: the cell's and the RNN's. */
export interface SimpleRNNArgs extends SimpleRNNCellArgs, RNNOptions {}

/**
 * Keras's `SimpleRNN`: a fully connected recurrent layer, `h_t = tanh(x_t·W + b + h_{t−1}·U)`,
 * over `[batch, time, features]` inputs (an {@link RNN} around a {@link SimpleRNNCell}).
 *
 * @example
 * ```ts
 * simpleRNN({ units: 32, returnSequences: true }).apply(tf.zeros([8, 10, 4])).shape; // [8, 10, 32]
 * ```
 */
export class SimpleRNN extends RNN<SimpleRNNCell> {
  static override className = 'SimpleRNN';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<SimpleRNNArgs, RNNArgs>(RNN_CELL_KEYS);

  /** @throws Error naming the layer and argument: units < 1, a rate outside [0, 1), stateful true, a bad identifier */
  constructor(args: SimpleRNNArgs) {
    super({
      ...args,
      cell: (layerName) => {
        checkCellArgs(args, layerName);
        return new SimpleRNNCell({ ...cellArgsOf(args), name: `${layerName}_cell` });
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

registerLayer(SimpleRNN);

/**
 * Makes a {@link SimpleRNN} layer.
 *
 * Keras's positional arguments may come first, as `SimpleRNN(units, ...)`: `simpleRNN(units, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * simpleRNN({ units: 16, dropout: 0.2 });
 * ```
 */
export function simpleRNN(args: SimpleRNNArgs): SimpleRNN;
export function simpleRNN(units: NonNullable<SimpleRNNArgs['units']>, options?: Omit<SimpleRNNArgs, 'units'>): SimpleRNN;
export function simpleRNN(...values: unknown[]): SimpleRNN {
  return new SimpleRNN(positionalOptions<SimpleRNNArgs>(values, ['units'], 'layer SimpleRNN'));
}
