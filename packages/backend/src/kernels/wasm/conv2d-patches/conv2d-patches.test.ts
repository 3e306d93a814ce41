import { describe, expect, it } from 'vitest';
import { createRandom, tf } from '@dendrite/backend';
import { seededArray } from '@dendrite/test-utils';
import { fillPatchRows, fillTransposedPatches } from './conv2d-patches';

/** The patch matrix by its definition, one value at a time. */
function referencePatches(x: Float32Array, info: tf.backend_util.Conv2DInfo, firstImage: number, images: number): Float32Array {
  const { inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth } = info;
  const columns = images * outHeight * outWidth;
  const out = new Float32Array(filterHeight * filterWidth * inChannels * columns);
  for (let kh = 0; kh < filterHeight; kh++) for (let kw = 0; kw < filterWidth; kw++) for (let c = 0; c < inChannels; c++) {
    const row = (kh * filterWidth + kw) * inChannels + c;
    for (let n = 0; n < images; n++) for (let oh = 0; oh < outHeight; oh++) for (let ow = 0; ow < outWidth; ow++) {
      const ih = oh * info.strideHeight + kh * info.dilationHeight - info.padInfo.top;
      const iw = ow * info.strideWidth + kw * info.dilationWidth - info.padInfo.left;
      const inside = ih >= 0 && ih < inHeight && iw >= 0 && iw < inWidth;
      out[row * columns + (n * outHeight + oh) * outWidth + ow] = inside ? x[(((firstImage + n) * inHeight + ih) * inWidth + iw) * inChannels + c] : 0;
    }
  }
  return out;
}

function randomGeometries(count: number) {
  const draw = createRandom(303);
  const pick = (low: number, high: number) => low + Math.floor(draw() * (high - low + 1));
  return Array.from({ length: count }, (_, i) => {
    const kernel: [number, number] = [pick(1, 4), pick(1, 4)];
    const dilations: [number, number] = [pick(1, 2), pick(1, 2)];
    const span = (k: number, d: number) => k + (k - 1) * (d - 1);
    const pad =
      i % 3 === 0 ? 'valid' : i % 3 === 1 ? 'same' : [[0, 0], [pick(0, 4), pick(0, 4)], [pick(0, 4), pick(0, 4)], [0, 0]];
    return {
      xShape: [pick(1, 4), pick(span(kernel[0], dilations[0]), 9), pick(span(kernel[1], dilations[1]), 9), pick(1, 3)] as [number, number, number, number],
      kernel,
      strides: [pick(1, 3), pick(1, 3)] as [number, number],
      dilations,
      pad: pad as 'valid',
    };
  });
}

describe('fillTransposedPatches', () => {
  it.each(randomGeometries(24))('writes the transposed im2col matrix of any window of images: %j', ({ xShape, kernel, strides, dilations, pad }) => {
    const info = tf.backend_util.computeConv2DInfo(xShape, [...kernel, xShape[3], 1], strides, dilations, pad);
    const x = seededArray(tf.util.sizeFromShape(xShape), 8);
    const first = xShape[0] > 1 ? 1 : 0;
    const images = xShape[0] - first;
    const expected = referencePatches(x, info, first, images);
    // Stale values where zeros belong would show: the scratch memory is not cleared.
    const actual = new Float32Array(expected.length).fill(Number.NaN);
    fillTransposedPatches(x, actual, info, first, images);
    expect(Array.from(actual)).toEqual(Array.from(expected));
  });
});

describe('fillPatchRows', () => {
  it.each(randomGeometries(24))('writes any run of im2col rows, padded with zeros to the row length: %j', ({ xShape, kernel, strides, dilations, pad }) => {
    const info = tf.backend_util.computeConv2DInfo(xShape, [...kernel, xShape[3], 1], strides, dilations, pad);
    const x = seededArray(tf.util.sizeFromShape(xShape), 8);
    const taps = kernel[0] * kernel[1] * xShape[3];
    const positions = xShape[0] * info.outHeight * info.outWidth;
    // The reference is the transposed matrix of every image; rows are its columns.
    const transposed = referencePatches(x, info, 0, xShape[0]);
    const firstRow = Math.floor(positions / 3);
    const rows = positions - firstRow - (positions > 2 ? 1 : 0);
    const rowLength = taps + 3;
    // x and the rows share one buffer, as wasm memory holds both.
    const heap = new Float32Array(x.length + 5 + rows * rowLength).fill(Number.NaN);
    heap.set(x, 0);
    fillPatchRows(heap, 0, heap, x.length + 5, info, firstRow, rows, rowLength);
    const expected: number[] = [];
    for (let row = firstRow; row < firstRow + rows; row++) {
      for (let tap = 0; tap < rowLength; tap++) expected.push(tap < taps ? transposed[tap * positions + row] : 0);
    }
    expect(Array.from(heap.subarray(x.length + 5))).toEqual(expected);
  });
});
