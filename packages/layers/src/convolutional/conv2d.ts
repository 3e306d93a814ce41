import { registerLayer } from '../engine/layer-registry';
import { BaseConv, type ConvArgs } from './base-conv';

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
 * @example
 * ```ts
 * const layer = conv2d({ filters: 8, kernelSize: [3, 3], strides: 2, padding: 'same' });
 * ```
 */
export function conv2d(args: ConvArgs): Conv2D {
  return new Conv2D(args);
}
