/** Fill modes of `tf.image.transform`. */
export type TransformFillMode = 'constant' | 'reflect' | 'wrap' | 'nearest';

/**
 * Maps a sampled coordinate outside `[0, len − 1]` back into the image, as TensorFlow's
 * ImageProjectiveTransformV3: `reflect` is half-sample symmetric (d c b a | a b c d | d c b a),
 * `wrap` periodic (a b c d | a b c d), `nearest` clamps; `constant` leaves it (the read fills).
 * Unlike tfjs 4.22, `wrap` and `reflect` hold at any distance from the image.
 */
export function mapCoordinate(coordinate: number, len: number, mode: TransformFillMode): number {
  if (mode === 'constant') return coordinate;
  if (len <= 1) return 0;
  let c = coordinate;
  if (c < 0 || c > len - 1) {
    if (mode === 'wrap') c = ((c % len) + len) % len;
    else if (mode === 'reflect') {
      const period = 2 * len;
      c = ((c % period) + period) % period;
      if (c >= len) c = period - c - 1;
    }
  }
  return Math.min(Math.max(c, 0), len - 1);
}

/**
 * `tf.image.transform` on host arrays, with TensorFlow's semantics: each output pixel (x, y) of
 * image b samples the input at `((a0 x + a1 y + a2) / k, (b0 x + b1 y + b2) / k)`,
 * `k = c0 x + c1 y + 1`, with nearest or bilinear interpolation and a fill mode. Every image of the
 * batch gets its own transform (tfjs-backend-cpu 4.22 returns after the first image).
 */
export function projectiveTransform(
  image: ArrayLike<number>,
  [batch, height, width, channels]: number[],
  transforms: ArrayLike<number>,
  transformCount: number,
  interpolation: 'nearest' | 'bilinear',
  fillMode: TransformFillMode,
  fillValue: number,
  [outHeight, outWidth]: number[],
  out: { [index: number]: number },
): void {
  const rowStride = width * channels;
  const batchStride = height * rowStride;
  const read = (b: number, y: number, x: number, c: number) =>
    y >= 0 && y < height && x >= 0 && x < width ? image[b * batchStride + y * rowStride + x * channels + c] : fillValue;
  let index = 0;
  for (let b = 0; b < batch; b++) {
    const t = transformCount === 1 ? 0 : b * 8;
    const [a0, a1, a2, b0, b1, b2, c0, c1] = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => transforms[t + k]);
    for (let outY = 0; outY < outHeight; outY++) {
      for (let outX = 0; outX < outWidth; outX++) {
        const k = c0 * outX + c1 * outY + 1;
        if (k === 0) {
          for (let c = 0; c < channels; c++) out[index++] = fillValue;
          continue;
        }
        const x = mapCoordinate((a0 * outX + a1 * outY + a2) / k, width, fillMode);
        const y = mapCoordinate((b0 * outX + b1 * outY + b2) / k, height, fillMode);
        if (interpolation === 'nearest') {
          const ry = Math.round(y);
          const rx = Math.round(x);
          for (let c = 0; c < channels; c++) out[index++] = read(b, ry, rx, c);
          continue;
        }
        const y0 = Math.floor(y);
        const x0 = Math.floor(x);
        const wy = y - y0;
        const wx = x - x0;
        for (let c = 0; c < channels; c++) {
          const top = (1 - wx) * read(b, y0, x0, c) + wx * read(b, y0, x0 + 1, c);
          const bottom = (1 - wx) * read(b, y0 + 1, x0, c) + wx * read(b, y0 + 1, x0 + 1, c);
          out[index++] = (1 - wy) * top + wy * bottom;
        }
      }
    }
  }
}

/** The attributes of the Transform kernel. */
export interface TransformAttributes {
  interpolation: 'nearest' | 'bilinear';
  fillMode: TransformFillMode;
  fillValue: number;
  outputShape?: [number, number] | null;
}
