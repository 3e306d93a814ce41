import { optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { BasePooling, type PoolingArgs } from './base-pooling';
import { positionalOptions } from '../engine/positional-options';

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
  /** The option keys this class adds to its parent's (none: it is still checked). */
  static override readonly optionKeys = optionKeys<PoolingArgs, PoolingArgs>({});

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
 * Keras's positional arguments may come first, as `MaxPooling2D(poolSize, ...)`: `maxPooling2d(poolSize, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * const layer = maxPooling2d({ poolSize: [3, 3], strides: 2, padding: 'same' });
 * ```
 */
export function maxPooling2d(args?: PoolingArgs): MaxPooling2D;
export function maxPooling2d(poolSize: NonNullable<PoolingArgs['poolSize']>, options?: Omit<PoolingArgs, 'poolSize'>): MaxPooling2D;
export function maxPooling2d(...values: unknown[]): MaxPooling2D {
  return new MaxPooling2D(positionalOptions<PoolingArgs>(values, ['poolSize'], 'layer MaxPooling2D'));
}
