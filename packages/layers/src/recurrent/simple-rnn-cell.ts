import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { RNNCell, type RNNCellArgs, type StepWeights } from './rnn-cell';
import { positionalOptions } from '../engine/positional-options';

/** Arguments of {@link SimpleRNNCell}. */
export type SimpleRNNCellArgs = RNNCellArgs;

/**
 * Keras's `SimpleRNNCell`: `h_t = activation(x_t·W + b + h_{t−1}·U)`; the output is the state.
 *
 * @example
 * ```ts
 * const layer = rnn({ cell: simpleRNNCell({ units: 4 }) });
 * ```
 */
export class SimpleRNNCell extends RNNCell {
  static override className = 'SimpleRNNCell';
  /** The option keys this class adds to its parent's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<SimpleRNNCellArgs, RNNCellArgs>({});

  protected get gates(): number {
    return 1;
  }

  get stateSize(): number[] {
    return [this.units];
  }

  step(projected: tf.Tensor, [previous]: tf.Tensor[], recurrentMasks: tf.Tensor[] | null, weights: StepWeights): { output: tf.Tensor; states: tf.Tensor[] } {
    const output = this.activation(tf.add(projected, this.recurrentProduct(previous, recurrentMasks, weights.recurrentKernel, weights.blocks)));
    return { output, states: [output] };
  }
}

registerLayer(SimpleRNNCell);

/**
 * Makes a {@link SimpleRNNCell}.
 *
 * Keras's positional arguments may come first, as `SimpleRNNCell(units, ...)`: `simpleRNNCell(units, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * simpleRNNCell({ units: 8, dropout: 0.1 });
 * ```
 */
export function simpleRNNCell(args: SimpleRNNCellArgs): SimpleRNNCell;
export function simpleRNNCell(units: NonNullable<SimpleRNNCellArgs['units']>, options?: Omit<SimpleRNNCellArgs, 'units'>): SimpleRNNCell;
export function simpleRNNCell(...values: unknown[]): SimpleRNNCell {
  return new SimpleRNNCell(positionalOptions<SimpleRNNCellArgs>(values, ['units'], 'layer SimpleRNNCell'));
}
