import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import type { WeightInitializer } from '../engine/layer-variable';
import type { StepWeights } from './rnn-cell';
import { GatedRNNCell, type GatedRNNCellArgs } from './gated-rnn-cell';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link LSTMCell}. */
export interface LSTMCellArgs extends GatedRNNCellArgs {
  /** Start the forget gate's bias at 1 (true), as Keras and Jozefowicz et al. recommend. */
  unitForgetBias?: boolean;
}

/**
 * Keras's `LSTMCell`. With `z = x_t·W + h_{t−1}·U + b` split into the blocks i, f, c, o:
 * `c_t = σ(z_f)·c_{t−1} + σ(z_i)·tanh(z_c)`, `h_t = σ(z_o)·tanh(c_t)` (σ the recurrent activation,
 * tanh the activation); the states are `[h, c]` and the output is `h`.
 *
 * @example
 * ```ts
 * const layer = rnn({ cell: lstmCell({ units: 4 }), returnSequences: true });
 * ```
 */
export class LSTMCell extends GatedRNNCell {
  static override className = 'LSTMCell';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the keys (Object.keys): `true` marks a key, `false` would list it the same
  static override readonly optionKeys = optionKeys<LSTMCellArgs, GatedRNNCellArgs>({ unitForgetBias: true });
  readonly unitForgetBias: boolean;

  /** @throws Error naming the cell and argument for a bad units, rate, seed or identifier */
  constructor(args: LSTMCellArgs) {
    super(args);
    this.unitForgetBias = args.unitForgetBias ?? true;
  }

  protected get gates(): number {
    return 4;
  }

  get stateSize(): number[] {
    return [this.units, this.units];
  }

  /** Keras's: the bias initializer for i, then ones for f, then the initializer for c and o. */
  protected override biasInitializer(): WeightInitializer {
    const base = super.biasInitializer();
    if (!this.unitForgetBias) return base;
    const units = this.units;
    return {
      call: (_shape: number[], dtype?: tf.DataType) =>
        tf.tidy(() => tf.concat([base.call([units], dtype), tf.ones([units], dtype), base.call([2 * units], dtype)])),
    };
  }

  step(projected: tf.Tensor, [h, c]: tf.Tensor[], recurrentMasks: tf.Tensor[] | null, weights: StepWeights): { output: tf.Tensor; states: tf.Tensor[] } {
    const z = tf.add(projected, this.recurrentProduct(h, recurrentMasks, weights.recurrentKernel, weights.blocks));
    const [zi, zf, zc, zo] = tf.split(z, 4, 1);
    const carry = tf.add(tf.mul(this.recurrentActivation(zf), c), tf.mul(this.recurrentActivation(zi), this.activation(zc)));
    const output = tf.mul(this.recurrentActivation(zo), this.activation(carry));
    return { output, states: [output, carry] };
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), unit_forget_bias: this.unitForgetBias };
  }
}

registerLayer(LSTMCell);

/**
 * Makes an {@link LSTMCell}.
 *
 * Keras's positional arguments may come first, as `LSTMCell(units, ...)`: `lstmCell(units, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * lstmCell({ units: 16, recurrentDropout: 0.2 });
 * ```
 */
export function lstmCell(args: LSTMCellArgs): LSTMCell;
export function lstmCell(units: NonNullable<LSTMCellArgs['units']>, options?: Omit<LSTMCellArgs, 'units'>): LSTMCell;
export function lstmCell(...values: unknown[]): LSTMCell {
  return new LSTMCell(positionalOptions<LSTMCellArgs>(values, ['units'], 'layer LSTMCell'));
}
