import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import type { LayerArgs } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { SymbolicTensor } from '../engine/symbolic-tensor';
import { type MergeInputs, mergeOrLayer } from './merge-or-layer';
import { type InputMasks, Merge, mergeWithMasks } from './base-merge';

/**
 * The element-wise minimum of a list of inputs (Keras's `Minimum`); where an input is masked, the others decide.
 *
 * @example
 * ```ts
 * const smallest = new Minimum().apply([a, b]);
 * ```
 */
export class Minimum extends Merge {
  static override className = 'Minimum';
  /** The option keys this class adds to a layer's (none: it is still checked). */
  static override readonly optionKeys = optionKeys<LayerArgs, LayerArgs>({});

  protected mergeFunction(inputs: tf.Tensor[], masks: InputMasks): tf.Tensor {
    return mergeWithMasks(tf.minimum, inputs, masks);
  }
}

registerLayer(Minimum);

/**
 * Keras's `minimum`: called with a list of tensors, takes the element-wise minimum of them and returns the minimum (a symbolic
 * tensor for symbolic inputs from `input()`); called with options only, returns a {@link Minimum}
 * layer to apply later, as tfjs-layers' factory does.
 *
 * @param inputs the tensors to merge, all symbolic or all concrete
 * @param args the layer's options (`name`, ...)
 * @returns the minimum, or the layer when no tensors are given
 * @throws TypeError naming `minimum` when the arguments are neither form
 * @example
 * ```ts
 * const smallest = minimum([a, b]);
 * const layer = minimum({ name: 'minimum_1' }); // a layer: layer.apply([a, b])
 * ```
 */
export function minimum(inputs: SymbolicTensor[], args?: LayerArgs): SymbolicTensor;
export function minimum(inputs: tf.Tensor[], args?: LayerArgs): tf.Tensor;
export function minimum(args?: LayerArgs): Minimum;
export function minimum(first?: MergeInputs | LayerArgs, args?: LayerArgs): Minimum | SymbolicTensor | tf.Tensor {
  return mergeOrLayer(first, args, { name: 'minimum', makeLayer: (options) => new Minimum(options) }) as Minimum | SymbolicTensor | tf.Tensor;
}
