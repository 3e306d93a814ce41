import { optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { BasePooling, type PoolingArgs } from './base-pooling';
import { positionalOptions } from '../engine/positional-options';

/**
 * The mean of every window of `[batch, height, width, channels]` images (Keras's `AveragePooling2D`); with `same` padding, the mean of the values inside the image.
 *
 * @example
 * ```ts
 * const layer = new AveragePooling2D({ poolSize: 2 }); // 28×28 → 14×14
 * ```
 */
export class AveragePooling2D extends BasePooling {
  static override className = 'AveragePooling2D';
  /** The option keys this class adds to its parent's (none: it is still checked). */
  static override readonly optionKeys = optionKeys<PoolingArgs, PoolingArgs>({});

  /**
   * @param args poolSize (2), strides (poolSize), padding (valid)
   * @throws Error naming the layer and the argument for a bad one
   */
  constructor(args: PoolingArgs = {}) {
    super(2, 'average', args);
  }
}

registerLayer(AveragePooling2D, ['AvgPool2D']);

/**
 * Makes a {@link AveragePooling2D} layer.
 *
 * Keras's positional arguments may come first, as `AveragePooling2D(poolSize, ...)`: `averagePooling2d(poolSize, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * const layer = averagePooling2d({ poolSize: [2, 3] });
 * ```
 */
export function averagePooling2d(args?: PoolingArgs): AveragePooling2D;
export function averagePooling2d(poolSize: NonNullable<PoolingArgs['poolSize']>, options?: Omit<PoolingArgs, 'poolSize'>): AveragePooling2D;
export function averagePooling2d(...values: unknown[]): AveragePooling2D {
  return new AveragePooling2D(positionalOptions<PoolingArgs>(values, ['poolSize'], 'layer AveragePooling2D'));
}
