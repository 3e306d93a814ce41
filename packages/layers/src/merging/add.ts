import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import type { LayerArgs } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { SymbolicTensor } from '../engine/symbolic-tensor';
import { type MergeInputs, mergeOrLayer } from './merge-or-layer';
import { type InputMasks, Merge } from './base-merge';

/**
 * Sums a list of inputs element-wise (Keras's `Add`), as in residual connections.
 *
 * @example
 * ```ts
 * const sum = new Add().apply([x, shortcut]);
 * ```
 */
export class Add extends Merge {
  static override className = 'Add';
  /** The option keys this class adds to a layer's (none: it is still checked). */
  static override readonly optionKeys = optionKeys<LayerArgs, LayerArgs>({});

  protected mergeFunction(inputs: tf.Tensor[], _masks: InputMasks): tf.Tensor {
    return inputs.slice(1).reduce((sum, input) => tf.add(sum, input), inputs[0]);
  }
}

registerLayer(Add);

/**
 * Keras's `add`: called with a list of tensors, sums them and returns the sum (a symbolic
 * tensor for symbolic inputs from `input()`); called with options only, returns an {@link Add}
 * layer to apply later, as tfjs-layers' factory does.
 *
 * @param inputs the tensors to merge, all symbolic or all concrete
 * @param args the layer's options (`name`, ...)
 * @returns the sum, or the layer when no tensors are given
 * @throws TypeError naming `add` when the arguments are neither form
 * @example
 * ```ts
 * const sum = add([x, shortcut]);
 * const layer = add({ name: 'add_1' }); // a layer: layer.apply([a, b])
 * ```
 */
export function add(inputs: SymbolicTensor[], args?: LayerArgs): SymbolicTensor;
export function add(inputs: tf.Tensor[], args?: LayerArgs): tf.Tensor;
export function add(args?: LayerArgs): Add;
export function add(first?: MergeInputs | LayerArgs, args?: LayerArgs): Add | SymbolicTensor | tf.Tensor {
  return mergeOrLayer(first, args, { name: 'add', makeLayer: (options) => new Add(options) }) as Add | SymbolicTensor | tf.Tensor;
}
