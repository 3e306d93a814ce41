import { tf } from '@dendrite/backend';
import type { LayerArgs } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
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

  protected mergeFunction(inputs: tf.Tensor[], masks: InputMasks): tf.Tensor {
    return mergeWithMasks(tf.minimum, inputs, masks);
  }
}

registerLayer(Minimum);

/**
 * Makes a {@link Minimum} layer; apply it to a list of tensors.
 *
 * @example
 * ```ts
 * const merged = minimum().apply([a, b]);
 * ```
 */
export function minimum(args: LayerArgs = {}): Minimum {
  return new Minimum(args);
}
