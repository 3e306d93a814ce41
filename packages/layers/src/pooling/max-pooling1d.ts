import { optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { BasePooling, type PoolingArgs } from './base-pooling';
import { positionalOptions } from '../engine/positional-options';

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
  /** The option keys this class adds to its parent's (none: it is still checked). */
  static override readonly optionKeys = optionKeys<PoolingArgs, PoolingArgs>({});

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
 * Keras's positional arguments may come first, as `MaxPooling1D(poolSize, ...)`: `maxPooling1d(poolSize, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * const layer = maxPooling1d({ poolSize: 3, strides: 1 });
 * ```
 */
export function maxPooling1d(args?: PoolingArgs): MaxPooling1D;
export function maxPooling1d(poolSize: NonNullable<PoolingArgs['poolSize']>, options?: Omit<PoolingArgs, 'poolSize'>): MaxPooling1D;
export function maxPooling1d(...values: unknown[]): MaxPooling1D {
  return new MaxPooling1D(positionalOptions<PoolingArgs>(values, ['poolSize'], 'layer MaxPooling1D'));
}
