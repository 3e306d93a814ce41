import { tf } from '@dendrite/backend';
import type { LayerArgs } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
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

  protected mergeFunction(inputs: tf.Tensor[], _masks: InputMasks): tf.Tensor {
    return inputs.slice(1).reduce((sum, input) => tf.add(sum, input), inputs[0]);
  }
}

registerLayer(Add);

/**
 * Makes a {@link Add} layer; apply it to a list of tensors.
 *
 * @example
 * ```ts
 * const merged = add().apply([a, b]);
 * ```
 */
export function add(args: LayerArgs = {}): Add {
  return new Add(args);
}
