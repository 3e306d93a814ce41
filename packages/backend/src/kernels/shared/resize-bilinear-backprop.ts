/** Where one output index of a bilinear resize samples: the two input indices and the weight of the upper one. */
function sampler(inSize: number, outSize: number, alignCorners: boolean, halfPixelCenters: boolean): (index: number) => [number, number, number] {
  const ratio = alignCorners && outSize > 1 ? (inSize - 1) / (outSize - 1) : inSize / outSize;
  return (index) => {
    const source = halfPixelCenters ? ratio * (index + 0.5) - 0.5 : ratio * index;
    const low = Math.max(0, Math.floor(source));
    return [low, Math.min(inSize - 1, Math.ceil(source)), source - low];
  };
}

/**
 * The gradient of tfjs's `ResizeBilinear` (channels last) with respect to the images: the exact
 * adjoint of its forward pass — the same sample positions, `alignCorners` and `halfPixelCenters`
 * included — so each output's gradient goes back to its four source pixels with their weights.
 * tfjs 4.22's kernels get it wrong on cpu (non-square images) and on wasm (`halfPixelCenters`).
 *
 * @param dy `[batch, outHeight, outWidth, channels]`
 * @param imagesShape `[batch, inHeight, inWidth, channels]`
 * @param dx the images' gradient, written whole
 */
export function resizeBilinearBackprop(
  dy: ArrayLike<number>,
  dyShape: number[],
  imagesShape: number[],
  alignCorners: boolean,
  halfPixelCenters: boolean,
  dx: { [index: number]: number; fill(value: number): unknown },
): void {
  const [batch, inHeight, inWidth, channels] = imagesShape;
  const [, outHeight, outWidth] = dyShape;
  const rowAt = sampler(inHeight, outHeight, alignCorners, halfPixelCenters);
  const columnAt = sampler(inWidth, outWidth, alignCorners, halfPixelCenters);
  // Column samples once, as plain numbers: no arrays are made per output pixel.
  const left = new Int32Array(outWidth);
  const right = new Int32Array(outWidth);
  const columnFraction = new Float64Array(outWidth);
  for (let c = 0; c < outWidth; c++) [left[c], right[c], columnFraction[c]] = columnAt(c);
  const spread = (base: number, weight: number, at: number) => {
    if (weight === 0) return;
    for (let d = 0; d < channels; d++) dx[base + d] += dy[at + d] * weight;
  };
  dx.fill(0);
  let at = 0;
  for (let b = 0; b < batch; b++) {
    for (let r = 0; r < outHeight; r++) {
      const [top, bottom, rowFraction] = rowAt(r);
      const topRow = (b * inHeight + top) * inWidth;
      const bottomRow = (b * inHeight + bottom) * inWidth;
      for (let c = 0; c < outWidth; c++, at += channels) {
        const fraction = columnFraction[c];
        spread((topRow + left[c]) * channels, (1 - rowFraction) * (1 - fraction), at);
        spread((topRow + right[c]) * channels, (1 - rowFraction) * fraction, at);
        spread((bottomRow + left[c]) * channels, rowFraction * (1 - fraction), at);
        spread((bottomRow + right[c]) * channels, rowFraction * fraction, at);
      }
    }
  }
}
