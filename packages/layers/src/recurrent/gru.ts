import { optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { cellArgsOf } from './cell-args-of';
import { GRUCell, type GRUCellArgs } from './gru-cell';
import { RNN, type RNNArgs, type RNNOptions } from './rnn';
import { RNN_CELL_KEYS, checkCellArgs } from './rnn-cell';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link GRU}: the cell's and the RNN's. */
export interface GRUArgs extends GRUCellArgs, RNNOptions {}

/**
 * Keras's `GRU` (Cho et al. 2014) over `[batch, time, features]` inputs: an {@link RNN} around a
 * {@link GRUCell}, with Keras 3's default `resetAfter: true` (bias of shape `[2, 3·units]`).
 *
 * @example
 * ```ts
 * gru({ units: 16 }).apply(tf.zeros([8, 10, 4])).shape; // [8, 16]
 * ```
 */
export class GRU extends RNN<GRUCell> {
  static override className = 'GRU';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the keys (Object.keys): `true` marks a key, `false` would list it the same
  static override readonly optionKeys = optionKeys<GRUArgs, RNNArgs>({ ...RNN_CELL_KEYS, recurrentActivation: true, resetAfter: true });

  /** @throws Error naming the layer and argument: units < 1, a rate outside [0, 1), stateful true, a bad identifier */
  constructor(args: GRUArgs) {
    super({
      ...args,
      cell: (layerName) => {
        checkCellArgs(args, layerName);
        return new GRUCell({ ...cellArgsOf(args), name: `${layerName}_cell` });
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

registerLayer(GRU, ['UnifiedGRU']);

/**
 * Makes a {@link GRU} layer.
 *
 * Keras's positional arguments may come first, as `GRU(units, ...)`: `gru(units, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * gru({ units: 32, resetAfter: false });
 * ```
 */
export function gru(args: GRUArgs): GRU;
export function gru(units: NonNullable<GRUArgs['units']>, options?: Omit<GRUArgs, 'units'>): GRU;
export function gru(...values: unknown[]): GRU {
  return new GRU(positionalOptions<GRUArgs>(values, ['units'], 'layer GRU'));
}
