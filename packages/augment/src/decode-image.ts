import { describeValue, nodeModules } from '@dendrite/backend/internal';
import jpeg from 'jpeg-js';
import type { PNG as PngDecoder } from 'pngjs';
import { decodeBmp } from './decode-bmp';

let pngModule: typeof PngDecoder | undefined;

/**
 * pngjs, loaded on the first PNG: it pulls in Node's `zlib`, `stream` and `util`, so a static
 * import would break every browser bundle of the umbrella (issue 17). `require` through
 * `node:module` keeps decoding synchronous and invisible to bundlers.
 */
function pngDecoder(): typeof PngDecoder {
  pngModule ??= (nodeModules('to decode PNG files').module.createRequire(import.meta.url)('pngjs') as { PNG: typeof PngDecoder }).PNG;
  return pngModule;
}

/** A decoded image: RGBA pixels, row after row, and how many channels the file really has (1, 3 or 4). */
export interface DecodedImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  data: Uint8Array;
  channels: 1 | 3 | 4;
}

function decodePnm(bytes: Uint8Array, fileName: string): DecodedImage {
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 256)));
  const match = /^(P[56])\s+(?:#[^\n]*\n\s*)*(\d+)\s+(?:#[^\n]*\n\s*)*(\d+)\s+(?:#[^\n]*\n\s*)*(\d+)\s/.exec(text);
  if (!match) throw new Error(`Expected a binary PPM/PGM header in "${fileName}", received ${describeValue(text.slice(0, 16))}`);
  const [header, kind, w, h, max] = match;
  const width = Number(w);
  const height = Number(h);
  if (Number(max) > 255) throw new Error(`Expected 8-bit samples in "${fileName}", received a maximum of ${max}`);
  const channels = kind === 'P6' ? 3 : 1;
  const body = bytes.subarray(header.length);
  if (body.length < width * height * channels) throw new Error(`Expected ${width * height * channels} pixel bytes in "${fileName}", received ${body.length}`);
  const data = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    for (let c = 0; c < 3; c++) data[p * 4 + c] = body[p * channels + (channels === 3 ? c : 0)];
    data[p * 4 + 3] = 255;
  }
  return { width, height, data, channels };
}

/**
 * Decodes a PNG, JPEG, BMP or binary PPM/PGM file by its magic number (not its name), in pure
 * JavaScript.
 *
 * @throws Error naming the file when the format is unknown or the data is corrupt or truncated;
 *   for a PNG outside Node (pngjs needs Node's zlib: decode with the browser's `createImageBitmap`)
 */
export function decodeImage(bytes: Uint8Array, fileName: string): DecodedImage {
  const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const decoder = isPng ? pngDecoder() : undefined;
  try {
    if (decoder !== undefined) {
      const png = decoder.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      const colorType = (png as unknown as { colorType?: number }).colorType ?? 6;
      const channels = colorType === 0 ? 1 : colorType === 4 || colorType === 6 ? 4 : 3;
      return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength), channels: channels as 1 | 3 | 4 };
    }
    if (bytes[0] === 0xff && bytes[1] === 0xd8) {
      const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, tolerantDecoding: false });
      return { width: image.width, height: image.height, data: image.data, channels: 3 };
    }
  } catch (error) {
    throw new Error(`Expected a valid image in "${fileName}", received a corrupt or truncated one (${(error as Error).message})`);
  }
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) return decodeBmp(bytes, fileName);
  if (bytes[0] === 0x50 && (bytes[1] === 0x35 || bytes[1] === 0x36)) return decodePnm(bytes, fileName);
  throw new Error(`Expected a PNG, JPEG, BMP or PPM image in "${fileName}", received bytes starting ${Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ')}`);
}
