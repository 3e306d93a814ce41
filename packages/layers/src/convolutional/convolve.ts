import { tf } from '@dendrite/backend';
import { type Activation, fusedActivationOf } from '../activations/index';

/** Options of {@link convolve2d}. */
export interface Convolve2dOptions {
  strides: [number, number];
  padding: 'valid' | 'same';
  dilationRate: [number, number];
  /** Channel groups, each convolved with its own `filters / groups` filters (1). */
  groups?: number;
  /** Added to every output channel (none). */
  bias?: tf.Tensor;
  /** Applied last (the identity when omitted). */
  activation?: Activation;
}

/**
 * Adds a bias and applies an activation: the tail of every convolution layer.
 *
 * @param output the convolution's output
 * @param bias one value per channel, or undefined
 * @param activation the activation, or undefined
 * @returns `activation(output + bias)`
 */
export function applyBiasAndActivation(output: tf.Tensor, bias: tf.Tensor | undefined, activation: Activation | undefined): tf.Tensor {
  const biased = bias === undefined ? output : tf.add(output, bias);
  return activation === undefined ? biased : activation(biased);
}

/**
 * A channels-last 2-D convolution with bias and activation: one `tf.fused.conv2d` when the
 * activation is one tfjs fuses, else the fused convolution with bias followed by the activation.
 * Dilated convolutions run unfused: tfjs's fused convolution has no gradient for them, the plain
 * one has (@dendrite/backend registers it). Groups split the channels and concatenate the group
 * outputs.
 *
 * @param x `[batch, height, width, channels]`
 * @param kernel `[kh, kw, channels / groups, filters]`
 * @param options strides, padding, dilation rate, groups, bias, activation
 * @returns `[batch, outHeight, outWidth, filters]`
 * @example
 * ```ts
 * const y = convolve2d(x, kernel, { strides: [1, 1], padding: 'same', dilationRate: [1, 1], bias, activation: relu });
 * ```
 */
export function convolve2d(x: tf.Tensor4D, kernel: tf.Tensor4D, options: Convolve2dOptions): tf.Tensor4D {
  const { strides, padding, bias, activation, dilationRate } = options;
  const filter = kernel;
  const groups = options.groups ?? 1;
  if (groups > 1) {
    const inputs = tf.split(x, groups, 3) as tf.Tensor4D[];
    const filters = tf.split(filter, groups, 3) as tf.Tensor4D[];
    const outputs = inputs.map((input, group) => tf.conv2d(input, filters[group], strides, padding, 'NHWC', dilationRate));
    return applyBiasAndActivation(tf.concat(outputs, 3), bias, activation) as tf.Tensor4D;
  }
  if (dilationRate.some((rate) => rate > 1)) {
    return applyBiasAndActivation(tf.conv2d(x, filter, strides, padding, 'NHWC', dilationRate), bias, activation) as tf.Tensor4D;
  }
  const fused = activation === undefined ? undefined : fusedActivationOf(activation);
  if (fused !== undefined) {
    return tf.fused.conv2d({ x, filter, strides, pad: padding, bias, activation: fused.name, leakyreluAlpha: fused.alpha });
  }
  return applyBiasAndActivation(tf.fused.conv2d({ x, filter, strides, pad: padding, bias }), undefined, activation) as tf.Tensor4D;
}
