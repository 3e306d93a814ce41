import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import type { LayerArgs } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { SymbolicTensor } from '../engine/symbolic-tensor';
import { type MergeInputs, mergeOrLayer } from './merge-or-layer';
import { type InputMasks, Merge } from './base-merge';

/**
 * The first input minus the second (Keras's `Subtract`); takes exactly two inputs.
 *
 * @example
 * ```ts
 * const difference = new Subtract().apply([a, b]);
 * ```
 */
export class Subtract extends Merge {
  static override className = 'Subtract';
  /** The option keys this class adds to a layer's (none: it is still checked). */
  static override readonly optionKeys = optionKeys<LayerArgs, LayerArgs>({});
  protected override readonly maxInputs = 2;

  protected mergeFunction(inputs: tf.Tensor[], _masks: InputMasks): tf.Tensor {
    return tf.sub(inputs[0], inputs[1]);
  }
}

registerLayer(Subtract);

/**
 * Keras's `subtract`: called with a list of tensors, subtracts the second from the first of them and returns the difference (a symbolic
 * tensor for symbolic inputs from `input()`); called with options only, returns a {@link Subtract}
 * layer to apply later, as tfjs-layers' factory does.
 *
 * @param inputs the tensors to merge, all symbolic or all concrete
 * @param args the layer's options (`name`, ...)
 * @returns the difference, or the layer when no tensors are given
 * @throws TypeError naming `subtract` when the arguments are neither form
 * @example
 * ```ts
 * const difference = subtract([a, b]);
 * const layer = subtract({ name: 'subtract_1' }); // a layer: layer.apply([a, b])
 * ```
 */
export function subtract(inputs: SymbolicTensor[], args?: LayerArgs): SymbolicTensor;
export function subtract(inputs: tf.Tensor[], args?: LayerArgs): tf.Tensor;
export function subtract(args?: LayerArgs): Subtract;
export function subtract(first?: MergeInputs | LayerArgs, args?: LayerArgs): Subtract | SymbolicTensor | tf.Tensor {
  return mergeOrLayer(first, args, { name: 'subtract', makeLayer: (options) => new Subtract(options) }) as Subtract | SymbolicTensor | tf.Tensor;
}
