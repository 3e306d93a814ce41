import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import type { LayerArgs } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { SymbolicTensor } from '../engine/symbolic-tensor';
import { type MergeInputs, mergeOrLayer } from './merge-or-layer';
import { type InputMasks, Merge } from './base-merge';

/**
 * The element-wise mean of a list of inputs (Keras's `Average`), as in model ensembles.
 *
 * @example
 * ```ts
 * const mean = new Average().apply([a, b, c]);
 * ```
 */
export class Average extends Merge {
  static override className = 'Average';
  /** The option keys this class adds to a layer's (none: it is still checked). */
  static override readonly optionKeys = optionKeys<LayerArgs, LayerArgs>({});

  protected mergeFunction(inputs: tf.Tensor[], _masks: InputMasks): tf.Tensor {
    return tf.div(inputs.slice(1).reduce((sum, input) => tf.add(sum, input), inputs[0]), inputs.length);
  }
}

registerLayer(Average);

/**
 * Keras's `average`: called with a list of tensors, averages element-wise them and returns the mean (a symbolic
 * tensor for symbolic inputs from `input()`); called with options only, returns an {@link Average}
 * layer to apply later, as tfjs-layers' factory does.
 *
 * @param inputs the tensors to merge, all symbolic or all concrete
 * @param args the layer's options (`name`, ...)
 * @returns the mean, or the layer when no tensors are given
 * @throws TypeError naming `average` when the arguments are neither form
 * @example
 * ```ts
 * const mean = average([a, b]);
 * const layer = average({ name: 'average_1' }); // a layer: layer.apply([a, b])
 * ```
 */
export function average(inputs: SymbolicTensor[], args?: LayerArgs): SymbolicTensor;
export function average(inputs: tf.Tensor[], args?: LayerArgs): tf.Tensor;
export function average(args?: LayerArgs): Average;
export function average(first?: MergeInputs | LayerArgs, args?: LayerArgs): Average | SymbolicTensor | tf.Tensor {
  return mergeOrLayer(first, args, { name: 'average', makeLayer: (options) => new Average(options) }) as Average | SymbolicTensor | tf.Tensor;
}
