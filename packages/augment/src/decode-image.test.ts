import { describe, expect, it } from 'vitest';
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
