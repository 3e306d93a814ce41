import { tf } from '@dendrite/backend';
import { registerLayer } from '../engine/layer-registry';
import { RNNCell, type RNNCellArgs, type StepWeights } from './rnn-cell';

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
 * @example
 * ```ts
 * simpleRNNCell({ units: 8, dropout: 0.1 });
 * ```
 */
export function simpleRNNCell(args: SimpleRNNCellArgs): SimpleRNNCell {
  return new SimpleRNNCell(args);
}
