import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import type { LayerArgs } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { SymbolicTensor } from '../engine/symbolic-tensor';
import { type MergeInputs, mergeOrLayer } from './merge-or-layer';
import { type InputMasks, Merge, mergeWithMasks } from './base-merge';

/**
 * The element-wise maximum of a list of inputs (Keras's `Maximum`); where an input is masked, the others decide.
 *
 * @example
 * ```ts
 * const largest = new Maximum().apply([a, b]);
 * ```
 */
export class Maximum extends Merge {
  static override className = 'Maximum';
  /** The option keys this class adds to a layer's (none: it is still checked). */
  static override readonly optionKeys = optionKeys<LayerArgs, LayerArgs>({});

  protected mergeFunction(inputs: tf.Tensor[], masks: InputMasks): tf.Tensor {
    return mergeWithMasks(tf.maximum, inputs, masks);
  }
}

registerLayer(Maximum);

/**
 * Keras's `maximum`: called with a list of tensors, takes the element-wise maximum of them and returns the maximum (a symbolic
 * tensor for symbolic inputs from `input()`); called with options only, returns a {@link Maximum}
 * layer to apply later, as tfjs-layers' factory does.
 *
 * @param inputs the tensors to merge, all symbolic or all concrete
 * @param args the layer's options (`name`, ...)
 * @returns the maximum, or the layer when no tensors are given
 * @throws TypeError naming `maximum` when the arguments are neither form
 * @example
 * ```ts
 * const largest = maximum([a, b]);
 * const layer = maximum({ name: 'maximum_1' }); // a layer: layer.apply([a, b])
 * ```
 */
export function maximum(inputs: SymbolicTensor[], args?: LayerArgs): SymbolicTensor;
export function maximum(inputs: tf.Tensor[], args?: LayerArgs): tf.Tensor;
export function maximum(args?: LayerArgs): Maximum;
export function maximum(first?: MergeInputs | LayerArgs, args?: LayerArgs): Maximum | SymbolicTensor | tf.Tensor {
  return mergeOrLayer(first, args, { name: 'maximum', makeLayer: (options) => new Maximum(options) }) as Maximum | SymbolicTensor | tf.Tensor;
}
