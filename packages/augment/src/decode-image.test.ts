import { describe, expect, it } from 'vitest';
import { crc32 } from '@dendrite/backend/internal';
import { PNG } from 'pngjs';
import { decodeImage } from './decode-image';
import { writeBmp, writeJpeg, writePaletteBmp, writePng } from './testing/write-images';

const gradient = (x: number, y: number): [number, number, number, number] => [x * 40, y * 50, 200, 255];

describe('decodeImage', () => {
  it('decodes PNG, BMP (24-bit and palette) and PPM to the same pixels', () => {
    for (const bytes of [writePng(5, 3, gradient), writeBmp(5, 3, gradient)]) {
      const image = decodeImage(bytes, 'a');
      expect([image.width, image.height]).toEqual([5, 3]);
      expect(Array.from(image.data.subarray((2 * 5 + 3) * 4, (2 * 5 + 3) * 4 + 4))).toEqual([120, 100, 200, 255]);
    }
    const palette = decodeImage(writePaletteBmp(3, 2, [[10, 20, 30], [200, 100, 0]], (x, y) => (x + y) % 2), 'p.bmp');
    expect(Array.from(palette.data.subarray(0, 8))).toEqual([10, 20, 30, 255, 200, 100, 0, 255]);
    expect(Array.from(palette.data.subarray(12, 16))).toEqual([200, 100, 0, 255]); // (0, 1)
    const ppm = decodeImage(new Uint8Array([...new TextEncoder().encode('P6\n# c\n2 1\n255\n'), 1, 2, 3, 4, 5, 6]), 'x.ppm');
    expect(Array.from(ppm.data)).toEqual([1, 2, 3, 255, 4, 5, 6, 255]);
  });

  it('decodes JPEG within its compression error', () => {
    const image = decodeImage(writeJpeg(16, 8, () => [200, 80, 40, 255]), 'a.jpg');
    expect([image.width, image.height]).toEqual([16, 8]);
    for (const [k, v] of [[0, 200], [1, 80], [2, 40]]) expect(Math.abs(image.data[k] - v)).toBeLessThanOrEqual(3);
  });

  it('names the file of a truncated, corrupt or unknown image', () => {
    const png = writePng(4, 4, gradient);
    expect(() => decodeImage(png.subarray(0, 40), 'cats/1.png')).toThrow(/Expected a valid image in "cats\/1\.png", received a corrupt or truncated one/);
    const bmp = writeBmp(4, 4, gradient);
    expect(() => decodeImage(bmp.subarray(0, 70), 'b.bmp')).toThrow(/Expected a BMP image in "b\.bmp", received a truncated pixel array/);
    expect(() => decodeImage(new Uint8Array([1, 2, 3, 4]), 'x.png')).toThrow('Expected a PNG, JPEG, BMP or PPM image in "x.png", received bytes starting 01 02 03 04');
  });
});

describe('decodeImage on hostile headers', () => {
  /** A valid PNG (CRCs right) whose IHDR claims `width` × `height` over the data of a 2×2 image. */
  function forgedPng(width: number, height: number): Uint8Array {
    const bytes = writePng(2, 2, gradient).slice();
    const view = new DataView(bytes.buffer);
    view.setUint32(16, width);
    view.setUint32(20, height);
    view.setUint32(29, crc32(bytes.subarray(12, 29)));
    return bytes;
  }

  it('refuses a small PNG claiming 30000×30000 before decoding, by the pixel limit and by its bytes', () => {
    expect(() => decodeImage(forgedPng(30000, 30000), 'bomb.png')).toThrow(
      'Expected at most 178956970 pixels in "bomb.png", received a PNG header of 30000×30000 (900000000); pass a larger maxPixels to read it',
    );
    expect(() => decodeImage(forgedPng(30000, 30000), 'bomb.png', { maxPixels: 1e9 })).toThrow(
      /^Expected the image data of "bomb\.png" to hold its header's 30000×30000 pixels, received \d+ compressed bytes, which cannot hold 3600030000 \(a truncated or forged PNG\)$/,
    );
    expect(() => decodeImage(writePng(5, 3, gradient), 'small.png', { maxPixels: 14 })).toThrow(/Expected at most 14 pixels in "small\.png", received a PNG header of 5×3/);
    expect(decodeImage(writePng(5, 3, gradient), 'small.png', { maxPixels: 15 }).width).toBe(5);
  });

  it('refuses empty PPM, BMP and JPEG sizes over the limit, naming the file', () => {
    expect(() => decodeImage(new TextEncoder().encode('P6\n0 0\n255\n'), 'empty.ppm')).toThrow('Expected a PPM image of at least 1×1 pixel in "empty.ppm", received a header of 0×0');
    expect(() => decodeImage(new TextEncoder().encode('P5\n1 1\n0\n\u0000'), 'zero.pgm')).toThrow('Expected a maximum sample value of at least 1 in "zero.pgm", received 0');
    expect(() => decodeImage(writeBmp(5, 3, gradient), 'b.bmp', { maxPixels: 10 })).toThrow(/Expected at most 10 pixels in "b\.bmp", received a BMP header of 5×3/);
    expect(() => decodeImage(writeJpeg(16, 8, gradient), 'j.jpg', { maxPixels: 100 })).toThrow(/^Expected a valid image in "j\.jpg", received a corrupt or truncated one \(maxResolutionInMP limit exceeded/);
  });
});

describe('decodeImage on PPM sample values', () => {
  it('scales samples of a maxval below 255 as PIL, and refuses a sample above maxval', () => {
    const ppm = (max: string, samples: number[]) => new Uint8Array([...new TextEncoder().encode(`P6\n1 1\n${max}\n`), ...samples]);
    expect(Array.from(decodeImage(ppm('15', [15, 0, 3]), 'a.ppm').data)).toEqual([255, 0, 51, 255]);
    expect(() => decodeImage(ppm('1', [2, 0, 0]), 'b.ppm')).toThrow('Expected samples of at most 1 in "b.ppm", received 2 at pixel 0');
  });
});

describe('decodeImage on each PNG colour type, PGM and magic numbers', () => {
  /** A 2×1 PNG of colour type `colorType` written by pngjs from the RGBA pixels (10, 20, 30, 40), (50, 60, 70, 80). */
  function pngOfType(colorType: 0 | 2 | 4 | 6): Uint8Array {
    const png = new PNG({ width: 2, height: 1 });
    png.data.set([10, 20, 30, 40, 50, 60, 70, 80]);
    return new Uint8Array(PNG.sync.write(png, { colorType, inputColorType: 6, inputHasAlpha: true } as never));
  }

  it('decodes grey, RGB, grey + alpha and RGBA PNGs to PIL’s pixels, with the channels the file has', () => {
    // PIL 9.4 on the same bytes: modes L, RGB, LA, RGBA; `np.asarray(image.convert('RGBA'))`.
    const expected: Array<[0 | 2 | 4 | 6, number, number[]]> = [
      [0, 1, [218, 218, 218, 255, 194, 194, 194, 255]],
      [2, 3, [217, 218, 220, 255, 191, 194, 197, 255]],
      [4, 4, [20, 20, 20, 40, 60, 60, 60, 80]],
      [6, 4, [10, 20, 30, 40, 50, 60, 70, 80]],
    ];
    for (const [colorType, channels, pixels] of expected) {
      const bytes = pngOfType(colorType);
      // Within a larger buffer, at an offset, as a file read into a pooled Buffer.
      const padded = new Uint8Array(bytes.length + 3);
      padded.set(bytes, 3);
      const image = decodeImage(padded.subarray(3), 'a.png');
      expect([image.width, image.height, image.channels]).toEqual([2, 1, channels]);
      expect(Array.from(image.data)).toEqual(pixels);
    }
  });

  it('decodes JPEG as opaque RGBA with 3 channels, and refuses one cut before its end marker', () => {
    const jpegBytes = writeJpeg(16, 8, () => [200, 80, 40, 255]);
    const image = decodeImage(jpegBytes, 'a.jpg');
    expect(image.channels).toBe(3);
    expect(image.data.length).toBe(16 * 8 * 4);
    expect([image.data[3], image.data[7]]).toEqual([255, 255]);
    for (const [k, v] of [[4, 200], [5, 80], [6, 40]]) expect(Math.abs(image.data[k] - v)).toBeLessThanOrEqual(3);
    expect(() => decodeImage(jpegBytes.subarray(0, jpegBytes.length - 2), 'a.jpg')).toThrow(/^Expected a valid image in "a\.jpg", received a corrupt or truncated one/);
  });

  it('decodes PGM as one grey channel and names a PPM/PGM header, depth or body it cannot read', () => {
    const pnm = (header: string, samples: number[] = []) => new Uint8Array([...new TextEncoder().encode(header), ...samples]);
    const grey = decodeImage(pnm('P5 2 1 255\n', [7, 200]), 'a.pgm');
    expect([grey.width, grey.height, grey.channels]).toEqual([2, 1, 1]);
    expect(Array.from(grey.data)).toEqual([7, 7, 7, 255, 200, 200, 200, 255]);
    expect(decodeImage(pnm('P6\n1 1\n255\n', [1, 2, 3]), 'a.ppm').channels).toBe(3);
    expect(() => decodeImage(pnm('P6 1 x'), 'b.ppm')).toThrow('Expected a binary PPM/PGM header in "b.ppm", received "P6 1 x"');
    expect(() => decodeImage(pnm('P6\n1 0\n255\n'), 'c.ppm')).toThrow('Expected a PPM image of at least 1×1 pixel in "c.ppm", received a header of 1×0');
    expect(() => decodeImage(pnm('P5\n0 1\n255\n'), 'c.pgm')).toThrow('Expected a PGM image of at least 1×1 pixel in "c.pgm", received a header of 0×1');
    expect(() => decodeImage(pnm('P5\n1 1\n256\n', [0, 0]), 'd.pgm')).toThrow('Expected 8-bit samples in "d.pgm", received a maximum of 256');
    expect(() => decodeImage(pnm('P6\n2 1\n255\n', [1, 2, 3, 4, 5]), 'e.ppm')).toThrow('Expected 6 pixel bytes in "e.ppm", received 5');
    expect(() => decodeImage(pnm('P5\n2 1\n9\n', [9, 10]), 'f.pgm')).toThrow('Expected samples of at most 9 in "f.pgm", received 10 at pixel 1');
  });

  it('reads the format from the magic number alone, every byte of it, and refuses a bad maxPixels', () => {
    const unknown = (bytes: number[]) => `Expected a PNG, JPEG, BMP or PPM image in "x", received bytes starting ${bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ')}`;
    for (const bytes of [[0x89, 0x50, 0x4e, 0x00], [0x89, 0x50, 0x00, 0x47], [0x89, 0x00, 0x4e, 0x47], [0x00, 0x50, 0x4e, 0x47], [0xff, 0x00, 0, 0], [0x00, 0xd8, 0, 0], [0x42, 0x00, 0, 0], [0x00, 0x4d, 0, 0], [0x50, 0x34, 0x20, 0x31], [0x50, 0x37, 0x20, 0x31], [0x00, 0x36, 0x20, 0x31]]) {
      expect(() => decodeImage(new Uint8Array([...bytes, ...new Array(60).fill(0)]), 'x')).toThrow(unknown(bytes));
    }
    // A PNG signature with less than a whole IHDR chunk after it.
    const png = writePng(2, 2, gradient);
    expect(() => decodeImage(png.subarray(0, 32), 'a.png')).toThrow('Expected a PNG image in "a.png", received no IHDR chunk after the signature');
    expect(() => decodeImage(png.subarray(0, 33), 'a.png')).toThrow(/^Expected a valid image in "a\.png", received a corrupt or truncated one/);
    for (const maxPixels of [0, -1, Number.NaN, '15']) {
      expect(() => decodeImage(png, 'a.png', { maxPixels: maxPixels as number })).toThrow(new TypeError(`Expected maxPixels to be a positive number, received ${typeof maxPixels === 'string' ? `"${maxPixels}"` : maxPixels}`));
    }
  });
});
