import { tf } from '@dendrite/backend';
import type { LayerArgs } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
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

  protected mergeFunction(inputs: tf.Tensor[], _masks: InputMasks): tf.Tensor {
    return inputs.slice(1).reduce((product, input) => tf.mul(product, input), inputs[0]);
  }
}

registerLayer(Multiply);

/**
 * Makes a {@link Multiply} layer; apply it to a list of tensors.
 *
 * @example
 * ```ts
 * const merged = multiply().apply([a, b]);
 * ```
 */
export function multiply(args: LayerArgs = {}): Multiply {
  return new Multiply(args);
}
