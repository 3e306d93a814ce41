/** Keras's `conv_output_length`. */
export function convOutputLength(length: number | null, kernel: number, padding: string, stride: number, dilation = 1): number | null {
  if (length === null) return null;
  const dilated = kernel + (kernel - 1) * (dilation - 1);
  const output = padding === 'valid' ? length - dilated + 1 : length;
  return Math.floor((output + stride - 1) / stride);
}

/** Keras's `deconv_output_length`. */
export function deconvOutputLength(length: number | null, kernel: number, padding: string, stride: number, outputPadding?: number, dilation = 1): number | null {
  if (length === null) return null;
  const size = kernel + (kernel - 1) * (dilation - 1);
  if (outputPadding === undefined) {
    if (padding === 'valid') return length * stride + Math.max(size - stride, 0);
    return length * stride;
  }
  const pad = padding === 'same' ? Math.floor(size / 2) : 0;
  return (length - 1) * stride + size - 2 * pad + outputPadding;
}
