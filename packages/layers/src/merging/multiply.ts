import { tf } from '@dendrite/backend';
import { optionKeys } from '@dendrite/backend/internal';
import type { LayerArgs } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { SymbolicTensor } from '../engine/symbolic-tensor';
import { type MergeInputs, mergeOrLayer } from './merge-or-layer';
import { type InputMasks, Merge } from './base-merge';

/**
 * Multiplies a list of inputs element-wise (Keras's `Multiply`), as in gating.
 *
 * @example
 * ```ts
 * const gated = new Multiply().apply([x, gate]);
 * ```
 */
export class Multiply extends Merge {
  static override className = 'Multiply';
  /** The option keys this class adds to a layer's (none: it is still checked). */
  static override readonly optionKeys = optionKeys<LayerArgs, LayerArgs>({});

  protected mergeFunction(inputs: tf.Tensor[], _masks: InputMasks): tf.Tensor {
    return inputs.slice(1).reduce((product, input) => tf.mul(product, input), inputs[0]);
  }
}

registerLayer(Multiply);

/**
 * Keras's `multiply`: called with a list of tensors, multiplies element-wise them and returns the product (a symbolic
 * tensor for symbolic inputs from `input()`); called with options only, returns a {@link Multiply}
 * layer to apply later, as tfjs-layers' factory does.
 *
 * @param inputs the tensors to merge, all symbolic or all concrete
 * @param args the layer's options (`name`, ...)
 * @returns the product, or the layer when no tensors are given
 * @throws TypeError naming `multiply` when the arguments are neither form
 * @example
 * ```ts
 * const product = multiply([a, b]);
 * const layer = multiply({ name: 'multiply_1' }); // a layer: layer.apply([a, b])
 * ```
 */
export function multiply(inputs: SymbolicTensor[], args?: LayerArgs): SymbolicTensor;
export function multiply(inputs: tf.Tensor[], args?: LayerArgs): tf.Tensor;
export function multiply(args?: LayerArgs): Multiply;
export function multiply(first?: MergeInputs | LayerArgs, args?: LayerArgs): Multiply | SymbolicTensor | tf.Tensor {
  return mergeOrLayer(first, args, { name: 'multiply', makeLayer: (options) => new Multiply(options) }) as Multiply | SymbolicTensor | tf.Tensor;
}
