import { optionKeys } from '@dendrite/backend/internal';
import { registerLayer } from '../engine/layer-registry';
import { BaseConv, type ConvArgs } from './base-conv';
import { positionalOptions } from '../engine/positional-options';

/**
 * A 2-D convolution over `[batch, height, width, channels]` images (Keras's `Conv2D`):
 * `activation(conv(x, kernel) + bias)`, as one `tf.fused.conv2d` when the activation fuses.
 *
 * @example
 * ```ts
 * const layer = new Conv2D({ filters: 32, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] });
 * ```
 */
export class Conv2D extends BaseConv {
  static override className = 'Conv2D';
  /** The option keys this class adds to its parent's (none: it is still checked). */
  static override readonly optionKeys = optionKeys<ConvArgs, ConvArgs>({});

  /**
   * @param args filters, kernelSize and the options of {@link ConvArgs}
   * @throws Error naming the layer and the argument for a bad one (filters ≤ 0, kernelSize of
   *   the wrong length, padding other than valid/same, channels_first…)
   */
  constructor(args: ConvArgs) {
    super(2, args);
  }
}

registerLayer(Conv2D, ['Convolution2D']);

/**
 * Makes a {@link Conv2D} layer.
 *
 * Keras's positional arguments may come first, as `Conv2D(filters, kernelSize, ...)`: `conv2d(filters, kernelSize, options?)`.
 *
 * @throws TypeError for an unknown option, a value given twice or too many arguments
 * @example
 * ```ts
 * const layer = conv2d({ filters: 8, kernelSize: [3, 3], strides: 2, padding: 'same' });
 * ```
 */
export function conv2d(args: ConvArgs): Conv2D;
export function conv2d(filters: NonNullable<ConvArgs['filters']>, kernelSize: NonNullable<ConvArgs['kernelSize']>, options?: Omit<ConvArgs, 'filters' | 'kernelSize'>): Conv2D;
export function conv2d(...values: unknown[]): Conv2D {
  return new Conv2D(positionalOptions<ConvArgs>(values, ['filters', 'kernelSize'], 'layer Conv2D'));
}
