import type { tf } from '../../../tf/index';

/** The part of a convolution's geometry the patch builders read (a `Conv2DInfo` has it all). */
export type PatchGeometry = Pick<
  tf.backend_util.Conv2DInfo,
  | 'inHeight'
  | 'inWidth'
  | 'inChannels'
  | 'outHeight'
  | 'outWidth'
  | 'filterHeight'
  | 'filterWidth'
  | 'strideHeight'
  | 'strideWidth'
  | 'dilationHeight'
  | 'dilationWidth'
> & { padInfo: { top: number; left: number } };

/**
 * The output columns `[start, end)` whose input column `ow·stride + offset` lies inside
 * `[0, inWidth)`: patch loops copy those and write zeros around them, with no test per value.
 */
export function validColumns(offset: number, stride: number, inWidth: number, outWidth: number): [number, number] {
  const start = Math.min(outWidth, Math.max(0, Math.ceil(-offset / stride)));
  const end = Math.max(start, Math.min(outWidth, Math.ceil((inWidth - offset) / stride)));
  return [start, end];
}

/**
 * Writes the transposed im2col matrix of images `[firstImage, firstImage + images)` of an NHWC
 * input: rows `(kh, kw, c)`, columns `(n, oh, ow)`, zeros where a tap falls in the padding.
 *
 * Images are the outer loop so that each one is read from cache by all `kh·kw·cin` rows; walking
 * the rows outermost instead re-reads the whole batch once per row.
 */
export function fillTransposedPatches(
  x: Float32Array,
  patches: Float32Array,
  geometry: PatchGeometry,
  firstImage: number,
  images: number,
): void {
  const { inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth, dilationHeight, dilationWidth } = geometry;
  const { top, left } = geometry.padInfo;
  const perImage = outHeight * outWidth;
  const columns = images * perImage;
  const columnStep = strideWidth * inChannels;
  for (let image = 0; image < images; image++) {
    const imageOffset = (firstImage + image) * inHeight * inWidth * inChannels;
    let row = 0;
    for (let kh = 0; kh < filterHeight; kh++) {
      for (let kw = 0; kw < filterWidth; kw++) {
        const columnOffset = kw * dilationWidth - left;
        const [start, end] = validColumns(columnOffset, strideWidth, inWidth, outWidth);
        for (let c = 0; c < inChannels; c++, row++) {
          let to = row * columns + image * perImage;
          for (let oh = 0; oh < outHeight; oh++) {
            const ih = oh * strideHeight + kh * dilationHeight - top;
            if (ih < 0 || ih >= inHeight) {
              patches.fill(0, to, to + outWidth);
              to += outWidth;
              continue;
            }
            let ow = 0;
            for (; ow < start; ow++) patches[to++] = 0;
            let from = imageOffset + (ih * inWidth + columnOffset + start * strideWidth) * inChannels + c;
            for (; ow < end; ow++, from += columnStep) patches[to++] = x[from];
            for (; ow < outWidth; ow++) patches[to++] = 0;
          }
        }
      }
    }
  }
}

/**
 * Writes rows `[firstRow, firstRow + rows)` of the im2col matrix of an NHWC input, positions
 * `(n, oh, ow)` counted across the whole batch, into `patches` from `offset`: each row holds the
 * taps `(kh, kw, c)` of one output position, zeros where a tap falls in the padding, then zeros up
 * to `rowLength` (at least `kh·kw·cin`), so that the rows can be any multiple the consumer needs.
 *
 * `x` and `patches` may be views of one buffer (wasm memory), with `xOffset` and `offset` the
 * float offsets of the input and of the first row.
 */
export function fillPatchRows(
  x: Float32Array,
  xOffset: number,
  patches: Float32Array,
  offset: number,
  geometry: PatchGeometry,
  firstRow: number,
  rows: number,
  rowLength: number,
): void {
  const { inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth, dilationHeight, dilationWidth } = geometry;
  const { top, left } = geometry.padInfo;
  const taps = filterHeight * filterWidth * inChannels;
  let ow = firstRow % outWidth;
  let oh = Math.floor(firstRow / outWidth) % outHeight;
  let n = Math.floor(firstRow / (outWidth * outHeight));
  let to = offset;
  for (let row = 0; row < rows; row++) {
    const imageOffset = xOffset + n * inHeight * inWidth * inChannels;
    for (let kh = 0; kh < filterHeight; kh++) {
      const ih = oh * strideHeight + kh * dilationHeight - top;
      if (ih < 0 || ih >= inHeight) {
        patches.fill(0, to, to + filterWidth * inChannels);
        to += filterWidth * inChannels;
        continue;
      }
      for (let kw = 0; kw < filterWidth; kw++) {
        const iw = ow * strideWidth + kw * dilationWidth - left;
        if (iw < 0 || iw >= inWidth) {
          for (let c = 0; c < inChannels; c++) patches[to++] = 0;
          continue;
        }
        let from = imageOffset + (ih * inWidth + iw) * inChannels;
        for (let c = 0; c < inChannels; c++) patches[to++] = x[from++];
      }
    }
    for (let column = taps; column < rowLength; column++) patches[to++] = 0;
    if (++ow === outWidth) {
      ow = 0;
      if (++oh === outHeight) {
        oh = 0;
        n++;
      }
    }
  }
}
