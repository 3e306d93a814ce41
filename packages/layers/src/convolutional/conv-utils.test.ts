import { describe, expect, it } from 'vitest';
import { convOutputLength, deconvForwardPadding, deconvOutputLength } from './conv-utils';
import { checkDataFormat } from './check-data-format';

describe('convolution arithmetic', () => {
  it.each([
    // [n, k, padding, s, d, expected], from Keras's compute_conv_output_shape
    [28, 3, 'valid', 1, 1, 26],
    [28, 3, 'same', 1, 1, 28],
    [7, 3, 'same', 2, 1, 4],
    [7, 3, 'valid', 2, 1, 3],
    [10, 3, 'valid', 1, 2, 6],
    [10, 3, 'causal', 1, 4, 10],
    [2, 3, 'valid', 1, 1, 0],
  ] as const)('convOutputLength(%i, k %i, %s, s %i, d %i) = %i', (n, k, padding, s, d, expected) => {
    expect(convOutputLength(n, k, padding, s, d)).toBe(expected);
  });

  it.each([
    // [n, k, padding, s, outputPadding, d, expected], from Keras's compute_conv_transpose_output_shape
    [4, 3, 'same', 2, undefined, 1, 8],
    [4, 3, 'valid', 2, undefined, 1, 9],
    [4, 1, 'valid', 3, undefined, 1, 12],
    [4, 3, 'same', 2, 0, 1, 7],
    [4, 3, 'same', 2, 1, 1, 8],
    [4, 2, 'same', 2, 0, 1, 6],
    [4, 3, 'valid', 2, 1, 1, 10],
    [3, 3, 'valid', 1, undefined, 2, 7],
  ] as const)('deconvOutputLength(%i, k %i, %s, s %i, p %s, d %i) = %i', (n, k, padding, s, outputPadding, d, expected) => {
    expect(deconvOutputLength(n, k, padding, s, outputPadding, d)).toBe(expected);
  });

  it('pads the forward convolution as TensorFlow\'s "SAME" does, where that applies', () => {
    for (const [k, s] of [[3, 2], [2, 2], [4, 1], [5, 2], [3, 1], [1, 3]]) {
      for (const n of [3, 4, 7]) {
        const out = n * s;
        const total = Math.max((n - 1) * s + k - out, 0);
        expect(deconvForwardPadding(k, s, 'same')).toEqual([Math.floor(total / 2), total - Math.floor(total / 2)]);
      }
    }
    expect(deconvForwardPadding(3, 2, 'valid')).toEqual([0, 0]);
    expect(deconvForwardPadding(2, 2, 'same', 0)).toEqual([1, 1]);
  });

  it('accepts channels last only', () => {
    expect(checkDataFormat(undefined, 'x')).toBe('channels_last');
    expect(checkDataFormat('channelsLast', 'x')).toBe('channels_last');
    expect(() => checkDataFormat('NCHW', 'layer_x')).toThrow('Expected dataFormat to be channels_last, received "NCHW" in layer "layer_x"');
  });
});
