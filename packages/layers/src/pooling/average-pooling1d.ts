import { registerLayer } from '../engine/layer-registry';
import { BasePooling, type PoolingArgs } from './base-pooling';

/**
 * The mean of every window of `[batch, steps, channels]` sequences (Keras's `AveragePooling1D`).
 *
 * @example
 * ```ts
 * const layer = new AveragePooling1D({ poolSize: 3, strides: 2, padding: 'same' });
 * ```
 */
export class AveragePooling1D extends BasePooling {
  static override className = 'AveragePooling1D';

  /**
   * @param args poolSize (2), strides (poolSize), padding (valid)
   * @throws Error naming the layer and the argument for a bad one
   */
  constructor(args: PoolingArgs = {}) {
    super(1, 'average', args);
  }
}

registerLayer(AveragePooling1D, ['AvgPool1D']);

/**
 * Makes a {@link AveragePooling1D} layer.
 *
 * @example
 * ```ts
 * const layer = averagePooling1d({ poolSize: 4 });
 * ```
 */
export function averagePooling1d(args: PoolingArgs = {}): AveragePooling1D {
  return new AveragePooling1D(args);
}
