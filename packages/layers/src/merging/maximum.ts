import { tf } from '@dendrite/backend';
import type { LayerArgs } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
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

  protected mergeFunction(inputs: tf.Tensor[], masks: InputMasks): tf.Tensor {
    return mergeWithMasks(tf.maximum, inputs, masks);
  }
}

registerLayer(Maximum);

/**
 * Makes a {@link Maximum} layer; apply it to a list of tensors.
 *
 * @example
 * ```ts
 * const merged = maximum().apply([a, b]);
 * ```
 */
export function maximum(args: LayerArgs = {}): Maximum {
  return new Maximum(args);
}
