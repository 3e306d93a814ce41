import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** Test helper: an RGBA pixel function over a width × height image. */
export type Pixel = (x: number, y: number) => [number, number, number, number];

function rgba(width: number, height: number, pixel: Pixel): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 4);
  return data;
}

/** A PNG file (RGBA, 8 bits) written by pngjs. */
export function writePng(width: number, height: number, pixel: Pixel): Uint8Array {
  const png = new PNG({ width, height });
  png.data.set(rgba(width, height, pixel));
  return new Uint8Array(PNG.sync.write(png));
}

/** A JPEG file (quality 100) written by jpeg-js. */
export function writeJpeg(width: number, height: number, pixel: Pixel): Uint8Array {
  return new Uint8Array(jpeg.encode({ width, height, data: rgba(width, height, pixel) }, 100).data);
}

/** A 24-bit bottom-up BMP, rows padded to 4 bytes, as Windows writes it. */
export function writeBmp(width: number, height: number, pixel: Pixel): Uint8Array {
  const rowBytes = Math.ceil((width * 3) / 4) * 4;
  const bytes = new Uint8Array(54 + rowBytes * height);
  const view = new DataView(bytes.buffer);
  bytes.set([0x42, 0x4d]);
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, 54, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      bytes.set([b, g, r], 54 + (height - 1 - y) * rowBytes + x * 3);
    }
  }
  return bytes;
}

/** An 8-bit palette BMP (top-down) with `palette` colours and indices `index(x, y)`. */
export function writePaletteBmp(width: number, height: number, palette: Array<[number, number, number]>, index: (x: number, y: number) => number): Uint8Array {
  const rowBytes = Math.ceil(width / 4) * 4;
  const offset = 54 + palette.length * 4;
  const bytes = new Uint8Array(offset + rowBytes * height);
  const view = new DataView(bytes.buffer);
  bytes.set([0x42, 0x4d]);
  view.setUint32(10, offset, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, -height, true);
  view.setUint16(28, 8, true);
  view.setUint32(46, palette.length, true);
  palette.forEach(([r, g, b], i) => bytes.set([b, g, r, 0], 54 + i * 4));
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) bytes[offset + y * rowBytes + x] = index(x, y);
  return bytes;
}
