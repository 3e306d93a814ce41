import { registerLayer } from '../engine/layer-registry';
import { cellArgsOf } from './cell-args-of';
import { GRUCell, type GRUCellArgs } from './gru-cell';
import { RNN, type RNNOptions } from './rnn';
import { checkCellArgs } from './rnn-cell';

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
 * @example
 * ```ts
 * gru({ units: 32, resetAfter: false });
 * ```
 */
export function gru(args: GRUArgs): GRU {
  return new GRU(args);
}
