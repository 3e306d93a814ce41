import { registerLayer } from '../engine/layer-registry';
import { BasePooling, type PoolingArgs } from './base-pooling';

/**
 * The maximum of every window of `[batch, height, width, channels]` images (Keras's `MaxPooling2D`).
 *
 * @example
 * ```ts
 * const layer = new MaxPooling2D({ poolSize: 2 }); // 28×28 → 14×14
 * ```
 */
export class MaxPooling2D extends BasePooling {
  static override className = 'MaxPooling2D';

  /**
   * @param args poolSize (2), strides (poolSize), padding (valid)
   * @throws Error naming the layer and the argument for a bad one
   */
  constructor(args: PoolingArgs = {}) {
    super(2, 'max', args);
  }
}

registerLayer(MaxPooling2D, ['MaxPool2D']);

/**
 * Makes a {@link MaxPooling2D} layer.
 *
 * @example
 * ```ts
 * const layer = maxPooling2d({ poolSize: [3, 3], strides: 2, padding: 'same' });
 * ```
 */
export function maxPooling2d(args: PoolingArgs = {}): MaxPooling2D {
  return new MaxPooling2D(args);
}
