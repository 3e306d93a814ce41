import { registerLayer } from '../engine/layer-registry';
import { BasePooling, type PoolingArgs } from './base-pooling';

/**
 * The maximum of every window of `[batch, steps, channels]` sequences (Keras's `MaxPooling1D`).
 *
 * @example
 * ```ts
 * const layer = new MaxPooling1D({ poolSize: 2 }); // 100 steps → 50
 * ```
 */
export class MaxPooling1D extends BasePooling {
  static override className = 'MaxPooling1D';

  /**
   * @param args poolSize (2), strides (poolSize), padding (valid)
   * @throws Error naming the layer and the argument for a bad one
   */
  constructor(args: PoolingArgs = {}) {
    super(1, 'max', args);
  }
}

registerLayer(MaxPooling1D, ['MaxPool1D']);

/**
 * Makes a {@link MaxPooling1D} layer.
 *
 * @example
 * ```ts
 * const layer = maxPooling1d({ poolSize: 3, strides: 1 });
 * ```
 */
export function maxPooling1d(args: PoolingArgs = {}): MaxPooling1D {
  return new MaxPooling1D(args);
}
