import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import type { StepWeights } from './rnn-cell';
import { GatedRNNCell, type GatedRNNCellArgs } from './gated-rnn-cell';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link GRUCell}. */
export interface GRUCellArgs extends GatedRNNCellArgs {
  /**
   * Keras 3's default (true, cuDNN's convention): the reset gate multiplies `h·U_h + b_h` after
   * the product, and the bias has two rows (input, recurrent); false applies it to `h` before.
   */
  resetAfter?: boolean;
}

/**
 * Keras's `GRUCell`, with the blocks z (update), r (reset), h (candidate):
 * `z = σ(x·W_z + b_z + h·U_z + b'_z)`, `r = σ(x·W_r + b_r + h·U_r + b'_r)`,
 * `ĥ = tanh(x·W_h + b_h + r·(h·U_h + b'_h))` (reset after) or `tanh(x·W_h + b_h + (r·h)·U_h)`
 * (reset before), and `h_t = z·h_{t−1} + (1 − z)·ĥ`.
 *
 * @example
 * ```ts
 * const layer = rnn({ cell: gruCell({ units: 4 }) });
 * ```
 */
export class GRUCell extends GatedRNNCell {
  static override className = 'GRUCell';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the keys (Object.keys): `true` marks a key, `false` would list it the same
  static override readonly optionKeys = optionKeys<GRUCellArgs, GatedRNNCellArgs>({ resetAfter: true });
  readonly resetAfter: boolean;

  /** @throws Error naming the cell and argument for a bad units, rate, seed or identifier */
  constructor(args: GRUCellArgs) {
    super(args);
    this.resetAfter = args.resetAfter ?? true;
  }

  protected get gates(): number {
    return 3;
  }

  get stateSize(): number[] {
    return [this.units];
  }

  protected override biasShape(): number[] {
    return this.resetAfter ? [2, 3 * this.units] : [3 * this.units];
  }

  protected override inputBias(): tf.Tensor | undefined {
    if (this.bias === undefined || !this.resetAfter) return this.bias?.read();
    // Stryker disable next-line ArrayDeclaration: tf.slice fills a begin that is too short with 0 and a size with -1 (to the end): `[0, 0]` → `[]` is the same slice (the line's other arrays are killed)
    return tf.reshape(tf.slice(this.bias.read(), [0, 0], [1, -1]), [-1]);
  }

  /** Besides the kernel: the recurrent bias (resetAfter), or the kernel's gate and candidate parts. */
  override stepWeights(recurrentMasks: tf.Tensor[] | null): StepWeights {
    if (this.resetAfter) {
      const weights = super.stepWeights(recurrentMasks);
      // Stryker disable next-line ArrayDeclaration: tf.slice fills a begin that is too short with 0 and a size with -1 (to the end): `[1, -1]` → `[]` is the same last row of two (the line's other arrays are killed)
      if (this.bias !== undefined) weights.recurrentBias = tf.reshape(tf.slice(this.bias.read(), [1, 0], [1, -1]), [-1]);
      return weights;
    }
    const recurrentKernel = this.recurrentKernel!.read();
    // Stryker disable next-line ArrayDeclaration: tf.slice fills a begin that is too short with 0 and a size with -1 (to the end): `[0, 0]` → `[]` is the same slice (the size's → `[]` is killed)
    const gateKernel = tf.slice(recurrentKernel, [0, 0], [this.units, 2 * this.units]);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the blocks only spare recurrentProduct splitting the gate kernel again (it splits it itself when they are missing, and reads them only with per-gate masks)
    const blocks = recurrentMasks !== null && recurrentMasks.length > 1 ? tf.split(gateKernel, 2, 1) : undefined;
    // Stryker disable next-line ArrayDeclaration: tf.slice fills a begin that is too short with 0 and a size with -1 (to the end): the size `[units, units]` → `[]` reaches the same last block (the begin's → `[]` is killed)
    return { recurrentKernel, blocks, gateKernel, candidateKernel: tf.slice(recurrentKernel, [0, 2 * this.units], [this.units, this.units]) };
  }

  step(projected: tf.Tensor, [h]: tf.Tensor[], recurrentMasks: tf.Tensor[] | null, weights: StepWeights): { output: tf.Tensor; states: tf.Tensor[] } {
    const [xz, xr, xh] = tf.split(projected, 3, 1);
    let z: tf.Tensor;
    let candidate: tf.Tensor;
    if (this.resetAfter) {
      let inner = this.recurrentProduct(h, recurrentMasks, weights.recurrentKernel, weights.blocks);
      if (weights.recurrentBias !== undefined) inner = tf.add(inner, weights.recurrentBias as tf.Tensor);
      const [hz, hr, hh] = tf.split(inner, 3, 1);
      z = this.recurrentActivation(tf.add(xz, hz));
      const r = this.recurrentActivation(tf.add(xr, hr));
      candidate = this.activation(tf.add(xh, tf.mul(r, hh)));
    } else {
      const gateMasks = recurrentMasks === null ? null : recurrentMasks.length === 1 ? recurrentMasks : recurrentMasks.slice(0, 2);
      const [hz, hr] = tf.split(this.recurrentProduct(h, gateMasks, weights.gateKernel as tf.Tensor, weights.blocks), 2, 1);
      z = this.recurrentActivation(tf.add(xz, hz));
      const r = this.recurrentActivation(tf.add(xr, hr));
      const candidateMask = recurrentMasks === null ? null : recurrentMasks[recurrentMasks.length === 1 ? 0 : 2];
      const state = candidateMask === null ? h : tf.mul(h, candidateMask);
      candidate = this.activation(tf.add(xh, tf.matMul(tf.mul(r, state), weights.candidateKernel as tf.Tensor)));
    }
    const output = tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), candidate));
    return { output, states: [output] };
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), reset_after: this.resetAfter };
  }
}

registerLayer(GRUCell);

/**
 * Makes a {@link GRUCell}.
 *
 * Keras's positional arguments may come first, as `GRUCell(units, ...)`: `gruCell(units, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * gruCell({ units: 8, resetAfter: false });
 * ```
 */
export function gruCell(args: GRUCellArgs): GRUCell;
export function gruCell(units: NonNullable<GRUCellArgs['units']>, options?: Omit<GRUCellArgs, 'units'>): GRUCell;
export function gruCell(...values: unknown[]): GRUCell {
  return new GRUCell(positionalOptions<GRUCellArgs>(values, ['units'], 'layer GRUCell'));
}
