import type { DecodedImage } from './decoded-image';

/**
 * Decodes an uncompressed Windows bitmap (`BM`): 24- and 32-bit pixels (BI_RGB or BI_BITFIELDS in
 * the usual BGRA layout, alpha only where a V4/V5 header's mask declares it, as PIL) and 1-, 4- and
 * 8-bit palettes, bottom-up or top-down rows.
 *
 * @param checkSize called with the header's width and height before anything is allocated
 * @throws Error naming the file and the header field it does not read
 */
export function decodeBmp(bytes: Uint8Array, fileName: string, checkSize?: (width: number, height: number) => void): DecodedImage {
  const fail = (what: string) => new Error(`Expected a BMP image in "${fileName}", received ${what}`);
  if (bytes.length < 54 || bytes[0] !== 0x42 || bytes[1] !== 0x4d) throw fail('no BM header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  const width = view.getInt32(18, true);
  const rawHeight = view.getInt32(22, true);
  const bits = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  const height = Math.abs(rawHeight);
  // OS/2's 12-byte header holds 16-bit sizes at other offsets: refused by name rather than misread.
  if (headerSize < 40) throw fail(`a ${headerSize}-byte info header, which this reader does not support (it reads Windows' 40-byte one and its successors)`);
  if (width <= 0 || height === 0) throw fail(`a size of ${width}×${rawHeight}`);
  checkSize?.(width, height);
  if (!(compression === 0 || (compression === 3 && bits === 32))) throw fail(`compression ${compression}, which this reader does not support`);
  if (![1, 4, 8, 24, 32].includes(bits)) throw fail(`${bits} bits per pixel`);
  if (dataOffset < 14 + headerSize) throw fail(`pixel data at byte ${dataOffset}, inside its ${14 + headerSize}-byte header`);
  const rowBytes = Math.ceil((width * bits) / 32) * 4;
  if (dataOffset + rowBytes * height > bytes.length) throw fail(`a truncated pixel array (${bytes.length - dataOffset} bytes for ${rowBytes * height})`);
  // As PIL: a 32-bit pixel's fourth byte is alpha only under BI_BITFIELDS with an alpha mask inside
  // the header (PIL reads one wherever the header holds 52 bytes after its size: OS/2 v2, V4, V5);
  // BI_RGB leaves it unused (often 0), so those pixels are opaque.
  const alpha = bits === 32 && compression === 3 && headerSize >= 56 && view.getUint32(66, true) === 0xff000000;
  let palette: Uint8Array | undefined;
  if (bits <= 8) {
    const colours = view.getUint32(46, true) || 1 << bits;
    palette = bytes.subarray(14 + headerSize, 14 + headerSize + colours * 4);
    if (colours > 1 << bits || palette.length < colours * 4) throw fail(`a palette of ${colours} colours for ${bits}-bit pixels in ${palette.length} bytes`);
  }
  const data = new Uint8Array(width * height * 4);
  // Stryker disable next-line EqualityOperator: a row y = height would only write past the end of data, which a typed array drops
  for (let y = 0; y < height; y++) {
    // Stryker disable next-line EqualityOperator: a height of 0 is refused above, so rawHeight is never 0 here
    const row = dataOffset + (rawHeight > 0 ? height - 1 - y : y) * rowBytes;
    // Stryker disable next-line EqualityOperator: a pixel x = width lands on the next row's first, which that row then writes, or past the end
    for (let x = 0; x < width; x++) {
      const out = (y * width + x) * 4;
      if (palette) {
        const bitOffset = x * bits;
        const byte = bytes[row + (bitOffset >> 3)];
        // Stryker disable next-line ConditionalExpression: for 8 bits the shift is 0 and the mask 255, so the general formula gives the byte itself
        const index = bits === 8 ? byte : (byte >> (8 - bits - (bitOffset & 7))) & ((1 << bits) - 1);
        data[out] = palette[index * 4 + 2];
        data[out + 1] = palette[index * 4 + 1];
        data[out + 2] = palette[index * 4];
        data[out + 3] = 255;
      } else {
        const at = row + x * (bits / 8);
        data[out] = bytes[at + 2];
        data[out + 1] = bytes[at + 1];
        data[out + 2] = bytes[at];
        data[out + 3] = alpha ? bytes[at + 3] : 255;
      }
    }
  }
  return { width, height, data, channels: alpha ? 4 : 3 };
}
