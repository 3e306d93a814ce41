import { tf } from '@dendrite/backend';
import type { LayerArgs } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
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

  protected mergeFunction(inputs: tf.Tensor[], _masks: InputMasks): tf.Tensor {
    return tf.div(inputs.slice(1).reduce((sum, input) => tf.add(sum, input), inputs[0]), inputs.length);
  }
}

registerLayer(Average);

/**
 * Makes a {@link Average} layer; apply it to a list of tensors.
 *
 * @example
 * ```ts
 * const merged = average().apply([a, b]);
 * ```
 */
export function average(args: LayerArgs = {}): Average {
  return new Average(args);
}
