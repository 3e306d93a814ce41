import { shapeToString } from '../engine/shape';

/** How a convolution or pooling window meets the border: Keras's `padding` argument. */
export type ConvPadding = 'valid' | 'same' | 'causal';

/**
 * The output length of a convolution or pooling along one axis, as Keras's
 * `compute_conv_output_shape`: `⌊(n − d·(k − 1) − 1) / s⌋ + 1` for `valid`, `⌊(n − 1) / s⌋ + 1`
 * for `same` and `causal`.
 *
 * @param inputLength the input size along the axis (null when unknown)
 * @param kernelSize the window size
 * @param padding valid, same or causal
 * @param stride the step between windows
 * @param dilation the dilation rate (1)
 * @returns the output size (≤ 0 when the window does not fit), or null
 * @example
 * ```ts
 * convOutputLength(28, 3, 'valid', 1); // 26
 * convOutputLength(7, 3, 'same', 2);   // 4
 * ```
 */
export function convOutputLength(inputLength: number | null, kernelSize: number, padding: ConvPadding, stride: number, dilation = 1): number | null {
  if (inputLength === null) return null;
  if (padding === 'valid') return Math.floor((inputLength - dilation * (kernelSize - 1) - 1) / stride) + 1;
  return Math.floor((inputLength - 1) / stride) + 1;
}

/**
 * The output length of a transposed convolution along one axis, as Keras's
 * `compute_conv_transpose_output_shape`: without `outputPadding`, `(n − 1)·s + max(k′, s)` for
 * `valid` and `n·s` for `same`; with it, `(n − 1)·s + k′ + p` for `valid` and
 * `(n − 1)·s + k′ mod 2 + p` for `same`, where `k′ = d·(k − 1) + 1`.
 *
 * @param inputLength the input size along the axis (null when unknown)
 * @param kernelSize the kernel size
 * @param padding valid or same
 * @param stride the stride
 * @param outputPadding the extra size on the far side (undefined: Keras's default)
 * @param dilation the dilation rate (1)
 * @returns the output size, or null
 * @example
 * ```ts
 * deconvOutputLength(4, 3, 'same', 2);      // 8
 * deconvOutputLength(4, 3, 'valid', 2);     // 9
 * deconvOutputLength(4, 3, 'same', 2, 0);   // 7
 * ```
 */
export function deconvOutputLength(
  inputLength: number | null,
  kernelSize: number,
  padding: 'valid' | 'same',
  stride: number,
  outputPadding?: number,
  dilation = 1,
): number | null {
  if (inputLength === null) return null;
  const dilated = dilation * (kernelSize - 1) + 1;
  if (padding === 'valid') return (inputLength - 1) * stride + dilated + (outputPadding ?? Math.max(dilated, stride) - dilated);
  return outputPadding === undefined ? inputLength * stride : (inputLength - 1) * stride + (dilated % 2) + outputPadding;
}

/**
 * The explicit padding `[before, after]` of the forward convolution whose gradient is the
 * transposed convolution Keras computes (Keras's `_convert_conv_transpose_padding_args_from_keras_to_jax`,
 * seen from the forward side). Rows past the last window (`after` < 0) are simply not reached.
 *
 * @param kernelSize the kernel size
 * @param stride the stride
 * @param padding valid or same
 * @param outputPadding Keras's `output_padding` (undefined: its default)
 * @param dilation the dilation rate (1)
 * @returns the padding before and after along this axis
 * @example
 * ```ts
 * deconvForwardPadding(3, 2, 'same'); // [0, 1], as TensorFlow's "SAME"
 * ```
 */
export function deconvForwardPadding(kernelSize: number, stride: number, padding: 'valid' | 'same', outputPadding?: number, dilation = 1): [number, number] {
  const dilated = dilation * (kernelSize - 1) + 1;
  let left: number;
  let right: number;
  if (padding === 'valid') {
    left = dilated - 1;
    right = dilated - 1 + (outputPadding ?? Math.max(dilated, stride) - dilated);
  } else {
    const total = outputPadding === undefined ? stride + dilated - 2 : dilated + (dilated % 2) - 2 + outputPadding;
    left = Math.min(Math.floor(total / 2) + (total % 2), dilated - 1);
    right = total - left;
  }
  return [dilated - 1 - left, Math.max(dilated - 1 - right, 0)];
}

/**
 * The spatial output sizes of a window sweep (convolution or pooling) over `inputShape`.
 *
 * @param inputShape the input shape, batch and channels included
 * @param windowSizes the window size per spatial axis
 * @param padding valid, same or causal
 * @param strides the stride per spatial axis
 * @param dilations the dilation rate per spatial axis
 * @param layerName the layer, for the message
 * @returns one size per spatial axis (null where unknown)
 * @throws Error naming the layer when a window does not fit in a `valid` sweep
 */
export function spatialOutputSizes(
  inputShape: readonly (number | null)[],
  windowSizes: readonly number[],
  padding: ConvPadding,
  strides: readonly number[],
  dilations: readonly number[],
  layerName: string,
): Array<number | null> {
  const sizes = inputShape.slice(1, -1).map((size, axis) => convOutputLength(size, windowSizes[axis], padding, strides[axis], dilations[axis]));
  if (sizes.some((size) => size !== null && size < 1)) {
    const needed = windowSizes.map((size, axis) => dilations[axis] * (size - 1) + 1);
    throw new Error(
      `Expected spatial sizes of at least ${shapeToString(needed)} (the window) with padding "valid", received inputShape ${shapeToString(inputShape)} in layer "${layerName}"`,
    );
  }
  return sizes;
}
