import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededIntArray } from '@dendrite/test-utils';
import { type DecodedImage, decodeImage } from './decode-image';
import { type ColorMode, loadImage, toArray } from './load-image';
import { writePng } from './testing/write-images';

/**
 * The resize as first written, one pixel at a time with arrays per tap: the reference the flat
 * implementation must match value for value.
 */
function referenceResize(image: DecodedImage, mode: ColorMode, height: number, width: number, interpolation: 'nearest' | 'bilinear'): number[] {
  const channels = { grayscale: 1, rgb: 3, rgba: 4 }[mode];
  const pixel = (p: number): number[] => {
    const [r, g, b, a] = image.data.subarray(p * 4, p * 4 + 4);
    return mode === 'grayscale' ? [(r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16] : [r, g, b, a].slice(0, channels);
  };
  const out: number[] = [];
  const [sy, sx] = [image.height / height, image.width / width];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (interpolation === 'nearest') {
        out.push(...pixel(Math.min(image.height - 1, Math.floor((y + 0.5) * sy)) * image.width + Math.min(image.width - 1, Math.floor((x + 0.5) * sx))));
        continue;
      }
      const [fy, fx] = [Math.max(0, (y + 0.5) * sy - 0.5), Math.max(0, (x + 0.5) * sx - 0.5)];
      const [y0, x0] = [Math.min(image.height - 1, Math.floor(fy)), Math.min(image.width - 1, Math.floor(fx))];
      const [y1, x1] = [Math.min(image.height - 1, y0 + 1), Math.min(image.width - 1, x0 + 1)];
      const [wy, wx] = [fy - y0, fx - x0];
      const sum = new Array<number>(channels).fill(0);
      for (const [py, px, weight] of [[y0, x0, (1 - wy) * (1 - wx)], [y0, x1, (1 - wy) * wx], [y1, x0, wy * (1 - wx)], [y1, x1, wy * wx]]) {
        pixel(py * image.width + px).forEach((value, c) => (sum[c] += weight * value));
      }
      out.push(...sum.map(Math.round));
    }
  }
  return out;
}

/** A decoded image of seeded random RGBA bytes. */
function randomImage(width: number, height: number, seed: number): DecodedImage {
  return { width, height, data: Uint8Array.from(seededIntArray(width * height * 4, seed, 0, 256)), channels: 4 };
}

describe('toArray', () => {
  it('resizes as PIL’s nearest and converts to grayscale with PIL’s luma', () => {
    const image = decodeImage(writePng(4, 2, (x, y) => [x * 10 + y, 0, 0, 255]), 'a');
    const small = toArray(image, { targetSize: [1, 2] });
    // Target pixel centres sample source columns floor((x + 0.5)·2) = 1 and 3, row floor(0.5·2) = 1.
    expect(Array.from(small.values)).toEqual([11, 0, 0, 31, 0, 0]);
    expect(small.shape).toEqual([1, 2, 3]);
    const gray = toArray(decodeImage(writePng(1, 1, () => [255, 128, 0, 255]), 'g'), { colorMode: 'grayscale' });
    expect(Array.from(gray.values)).toEqual([Math.round(255 * 0.299 + 128 * 0.587)]);
    const big = toArray(decodeImage(writePng(2, 1, (x) => [x * 100, 0, 0, 255]), 'b'), { targetSize: [1, 4], interpolation: 'bilinear', colorMode: 'rgba' });
    expect(Array.from(big.values).filter((_, i) => i % 4 === 0)).toEqual([0, 25, 75, 100]);
  });

  it('blends the four source pixels around each centre with bilinear, clamped at the edges', () => {
    const reds = [0, 100, 200, 40];
    const image = decodeImage(writePng(2, 2, (x, y) => [reds[y * 2 + x], 0, 0, 255]), 'c');
    const resized = toArray(image, { targetSize: [3, 3], interpolation: 'bilinear', colorMode: 'rgb' });
    // Rows sample source rows 0, 0.5 and 1⅙ (clamped to 1); columns likewise.
    expect(Array.from(resized.values).filter((_, i) => i % 3 === 0)).toEqual([0, 50, 100, 100, 85, 70, 200, 120, 40]);
  });

  it('gives the reference’s values in every mode, shrinking, growing and at the same size', () => {
    const sizes: Array<[number, number, number, number]> = [[7, 5, 3, 4], [3, 4, 11, 9], [5, 5, 5, 5], [1, 1, 3, 2], [16, 9, 4, 7]];
    sizes.forEach(([width, height, targetHeight, targetWidth], seed) => {
      const image = randomImage(width, height, seed + 1);
      for (const colorMode of ['grayscale', 'rgb', 'rgba'] as const) {
        for (const interpolation of ['nearest', 'bilinear'] as const) {
          const { values, shape } = toArray(image, { colorMode, interpolation, targetSize: [targetHeight, targetWidth] });
          expect(shape).toEqual([targetHeight, targetWidth, { grayscale: 1, rgb: 3, rgba: 4 }[colorMode]]);
          expect(Array.from(values)).toEqual(referenceResize(image, colorMode, targetHeight, targetWidth, interpolation));
        }
      }
    });
  });

  it('names a bad colorMode or interpolation with the value received', () => {
    const image = randomImage(2, 2, 1);
    expect(() => toArray(image, { colorMode: 'cmyk' as never })).toThrow('Expected colorMode to be "grayscale", "rgb" or "rgba", received "cmyk"');
    expect(() => toArray(image, { interpolation: Number.NaN as never })).toThrow('Expected interpolation to be "nearest" or "bilinear", received NaN');
  });
});

describe('loadImage on bad paths', () => {
  it('names a folder or a missing file instead of a bare EISDIR / ENOENT', () => {
    const folder = mkdtempSync(join(tmpdir(), 'dendrite-load-image-'));
    try {
      expect(() => loadImage(folder)).toThrow(`Expected an image file at "${folder}", received a folder`);
      expect(() => loadImage(join(folder, 'none.png'))).toThrow(`Expected an image file at "${join(folder, 'none.png')}", received nothing`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('toArray and loadImage options', () => {
  it('names a targetSize that is not two positive integers', () => {
    const image = randomImage(2, 2, 1);
    const refusal = (received: string) => `Expected targetSize to be [height, width] of positive integers in loadImage, received ${received}`;
    for (const [targetSize, received] of [[[2], '[2]'], [[2, 2, 2], '[2,2,2]'], [[0, 2], '[0,2]'], [[2, 1.5], '[2,1.5]'], [['2', 2], '["2",2]']] as const) {
      expect(() => toArray(image, { targetSize: targetSize as never })).toThrow(refusal(received));
    }
    expect(toArray(image, { targetSize: [1, 1] }).shape).toEqual([1, 1, 3]);
    expect(() => toArray(image, { target_size: [1, 1] } as never)).toThrow(TypeError);
  });

  it('keeps the image’s size without a targetSize, and passes maxPixels to the decoder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'dendrite-load-image-'));
    try {
      const file = join(folder, 'a.png');
      writeFileSync(file, writePng(3, 2, (x, y) => [x * 10 + y, 0, 0, 255]));
      const { values, shape } = loadImage(file, { colorMode: 'rgba' });
      expect(shape).toEqual([2, 3, 4]);
      expect(Array.from(values).filter((_, i) => i % 4 === 0)).toEqual([0, 10, 20, 1, 11, 21]);
      expect(() => loadImage(file, { maxPixels: 5 })).toThrow(`Expected at most 5 pixels in "${file}", received a PNG header of 3×2 (6); pass a larger maxPixels to read it`);
      expect(() => loadImage(join(file, 'inside.png'))).toThrow(new RegExp(`^Expected an image file at "${join(file, 'inside.png')}", received an unreadable path \\(ENOTDIR`));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
