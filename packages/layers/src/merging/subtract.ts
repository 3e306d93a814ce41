import { tf } from '@dendrite/backend';
import type { LayerArgs } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
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
  protected override readonly maxInputs = 2;

  protected mergeFunction(inputs: tf.Tensor[], _masks: InputMasks): tf.Tensor {
    return tf.sub(inputs[0], inputs[1]);
  }
}

registerLayer(Subtract);

/**
 * Makes a {@link Subtract} layer; apply it to a list of tensors.
 *
 * @example
 * ```ts
 * const merged = subtract().apply([a, b]);
 * ```
 */
export function subtract(args: LayerArgs = {}): Subtract {
  return new Subtract(args);
}
