import { describeValue, nodeModules } from '@dendrite/backend/internal';
import jpeg from 'jpeg-js';
import type { PNG as PngDecoder } from 'pngjs';
import { decodeBmp } from './decode-bmp';
import type { DecodedImage } from './decoded-image';

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

export type { DecodedImage } from './decoded-image';

/** Options of {@link decodeImage}. */
export interface DecodeImageOptions {
  /**
   * The most pixels an image may have (default 178 956 970, where PIL raises its
   * `DecompressionBombError`): a header claiming more is refused before anything is decoded.
   */
  maxPixels?: number;
}

/** PIL's `Image.MAX_IMAGE_PIXELS` × 2: the size at which PIL refuses an image as a decompression bomb. */
export const DEFAULT_MAX_PIXELS = 2 * 89_478_485;

/** Deflate's best ratio (258-byte matches in 2-bit codes): no PNG holds more raw bytes per IDAT byte. */
const DEFLATE_MAX_RATIO = 1032;

/**
 * Refuses a width × height that is empty, over the pixel limit, or (`storedBytes` given) more raw
 * bytes than `storedBytes` could possibly hold, before any pixel is allocated.
 */
function checkImageSize(width: number, height: number, maxPixels: number, fileName: string, format: string): void {
  if (!(width > 0 && height > 0)) throw new Error(`Expected a ${format} image of at least 1×1 pixel in "${fileName}", received a header of ${width}×${height}`);
  if (width * height > maxPixels) {
    throw new Error(`Expected at most ${maxPixels} pixels in "${fileName}", received a ${format} header of ${width}×${height} (${width * height}); pass a larger maxPixels to read it`);
  }
}

/**
 * The width, height and compressed size of a PNG, read from its chunks (IHDR, IDAT) before pngjs
 * allocates the image: a 195-byte file claiming 30000×30000 is refused here in microseconds.
 */
function checkPngSize(bytes: Uint8Array, maxPixels: number, fileName: string): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 33 || view.getUint32(12) !== 0x49484452) throw new Error(`Expected a PNG image in "${fileName}", received no IHDR chunk after the signature`);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const bitDepth = bytes[24];
  const samples = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[bytes[25]] ?? 4;
  checkImageSize(width, height, maxPixels, fileName, 'PNG');
  let compressed = 0;
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = view.getUint32(at);
    if (view.getUint32(at + 4) === 0x49444154) compressed += Math.min(length, bytes.length - at - 8);
    at += 12 + length;
  }
  const rawBytes = height * (1 + Math.ceil((width * samples * bitDepth) / 8));
  if (rawBytes > Math.max(compressed, 1) * DEFLATE_MAX_RATIO + 1024) {
    throw new Error(`Expected the image data of "${fileName}" to hold its header's ${width}×${height} pixels, received ${compressed} compressed bytes, which cannot hold ${rawBytes} (a truncated or forged PNG)`);
  }
}

function decodePnm(bytes: Uint8Array, fileName: string, maxPixels: number): DecodedImage {
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 256)));
  const match = /^(P[56])\s+(?:#[^\n]*\n\s*)*(\d+)\s+(?:#[^\n]*\n\s*)*(\d+)\s+(?:#[^\n]*\n\s*)*(\d+)\s/.exec(text);
  if (!match) throw new Error(`Expected a binary PPM/PGM header in "${fileName}", received ${describeValue(text.slice(0, 16))}`);
  const [header, kind, w, h, max] = match;
  const width = Number(w);
  const height = Number(h);
  checkImageSize(width, height, maxPixels, fileName, kind === 'P6' ? 'PPM' : 'PGM');
  if (!(Number(max) > 0)) throw new Error(`Expected a maximum sample value of at least 1 in "${fileName}", received ${max}`);
  if (Number(max) > 255) throw new Error(`Expected 8-bit samples in "${fileName}", received a maximum of ${max}`);
  const channels = kind === 'P6' ? 3 : 1;
  const body = bytes.subarray(header.length);
  if (body.length < width * height * channels) throw new Error(`Expected ${width * height * channels} pixel bytes in "${fileName}", received ${body.length}`);
  const maxValue = Number(max);
  const data = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    for (let c = 0; c < 3; c++) {
      const sample = body[p * channels + (channels === 3 ? c : 0)];
      if (sample > maxValue) throw new Error(`Expected samples of at most ${maxValue} in "${fileName}", received ${sample} at pixel ${p}`);
      // As PIL: samples scaled from [0, maxval] to [0, 255].
      data[p * 4 + c] = maxValue === 255 ? sample : Math.round((sample * 255) / maxValue);
    }
    data[p * 4 + 3] = 255;
  }
  return { width, height, data, channels };
}

/**
 * Decodes a PNG, JPEG, BMP or binary PPM/PGM file by its magic number (not its name), in pure
 * JavaScript.
 *
 * Sizes are checked against `options.maxPixels` and against the bytes present before decoding.
 *
 * @throws Error naming the file when the format is unknown, the data is corrupt or truncated, the
 *   image is empty or larger than `maxPixels`; for a PNG outside Node (pngjs needs Node's zlib:
 *   decode with the browser's `createImageBitmap`)
 */
export function decodeImage(bytes: Uint8Array, fileName: string, options: DecodeImageOptions = {}): DecodedImage {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (!(typeof maxPixels === 'number' && maxPixels > 0)) throw new TypeError(`Expected maxPixels to be a positive number, received ${describeValue(maxPixels)}`);
  const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  if (isPng) checkPngSize(bytes, maxPixels, fileName);
  const decoder = isPng ? pngDecoder() : undefined;
  try {
    if (decoder !== undefined) {
      const png = decoder.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      const colorType = (png as unknown as { colorType?: number }).colorType ?? 6;
      const channels = colorType === 0 ? 1 : colorType === 4 || colorType === 6 ? 4 : 3;
      return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength), channels: channels as 1 | 3 | 4 };
    }
    if (bytes[0] === 0xff && bytes[1] === 0xd8) {
      const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, tolerantDecoding: false, maxResolutionInMP: maxPixels / 1e6, maxMemoryUsageInMB: Math.max(512, (maxPixels * 8) / 2 ** 20) });
      return { width: image.width, height: image.height, data: image.data, channels: 3 };
    }
  } catch (error) {
    throw new Error(`Expected a valid image in "${fileName}", received a corrupt or truncated one (${(error as Error).message})`);
  }
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) return decodeBmp(bytes, fileName, (width, height) => checkImageSize(width, height, maxPixels, fileName, 'BMP'));
  if (bytes[0] === 0x50 && (bytes[1] === 0x35 || bytes[1] === 0x36)) return decodePnm(bytes, fileName, maxPixels);
  throw new Error(`Expected a PNG, JPEG, BMP or PPM image in "${fileName}", received bytes starting ${Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ')}`);
}
