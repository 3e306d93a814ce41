import { optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { BasePooling, type PoolingArgs } from './base-pooling';
import { positionalOptions } from '../engine/positional-options';

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
  /** The option keys this class adds to its parent's (none: it is still checked). */
  static override readonly optionKeys = optionKeys<PoolingArgs, PoolingArgs>({});

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
 * Keras's positional arguments may come first, as `AveragePooling1D(poolSize, ...)`: `averagePooling1d(poolSize, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * const layer = averagePooling1d({ poolSize: 4 });
 * ```
 */
export function averagePooling1d(args?: PoolingArgs): AveragePooling1D;
export function averagePooling1d(poolSize: NonNullable<PoolingArgs['poolSize']>, options?: Omit<PoolingArgs, 'poolSize'>): AveragePooling1D;
export function averagePooling1d(...values: unknown[]): AveragePooling1D {
  return new AveragePooling1D(positionalOptions<PoolingArgs>(values, ['poolSize'], 'layer AveragePooling1D'));
}
