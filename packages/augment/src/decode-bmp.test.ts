import { describe, expect, it } from 'vitest';
import { decodeBmp } from './decode-bmp';

/** A Windows bitmap built field by field, rows given top to bottom (unpadded). */
interface BmpSpec {
  width: number;
  height: number;
  bits: number;
  rows: number[][];
  topDown?: boolean;
  compression?: number;
  /** The info header's size (40: BITMAPINFOHEADER; 64: OS/2 v2; 108: V4 — the last two hold the colour masks). */
  headerSize?: number;
  /** BI_BITFIELDS masks, from byte 54: after a 40-byte header (the pixels follow them) or inside a V4 one. */
  masks?: number[];
  palette?: Array<[number, number, number]>;
  /** The header's colour count (the palette's length by default; 0 means 2^bits). */
  colours?: number;
  /** Where the header says the pixels start (right after the header, masks and palette by default). */
  dataOffset?: number;
}

function bmp(spec: BmpSpec): Uint8Array {
  const headerSize = spec.headerSize ?? 40;
  const masks = spec.masks ?? [];
  const palette = spec.palette ?? [];
  const rowBytes = Math.ceil((spec.width * spec.bits) / 32) * 4;
  const offset = 14 + headerSize + (headerSize === 40 ? masks.length * 4 : 0) + palette.length * 4;
  const bytes = new Uint8Array(Math.max(offset, 54 + masks.length * 4) + rowBytes * spec.rows.length);
  const view = new DataView(bytes.buffer);
  bytes.set([0x42, 0x4d]);
  view.setUint32(2, bytes.length, true);
  view.setUint32(10, spec.dataOffset ?? offset, true);
  view.setUint32(14, headerSize, true);
  view.setInt32(18, spec.width, true);
  view.setInt32(22, spec.topDown ? -spec.height : spec.height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, spec.bits, true);
  view.setUint32(30, spec.compression ?? 0, true);
  view.setUint32(46, spec.colours ?? palette.length, true);
  masks.forEach((mask, i) => view.setUint32(54 + i * 4, mask, true));
  palette.forEach(([r, g, b], i) => bytes.set([b, g, r, 0], offset - palette.length * 4 + i * 4));
  spec.rows.forEach((row, y) => bytes.set(row, offset + (spec.topDown ? y : spec.rows.length - 1 - y) * rowBytes));
  return bytes;
}

/** The RGBA bytes of a decoded file. */
const rgba = (bytes: Uint8Array) => Array.from(decodeBmp(bytes, 'a.bmp').data);

// Every expected pixel below is what PIL 9.4 (Keras's load_img) decodes from the same bytes:
// `np.asarray(Image.open(f).convert('RGBA'))`.
describe('decodeBmp', () => {
  it('reads 1-bit rows across bytes (bottom-up, a colour count of 0 meaning 2) and 4-bit nibbles (top-down), as PIL', () => {
    const [r, g] = [[250, 0, 10, 255], [5, 200, 60, 255]];
    const one = bmp({ width: 10, height: 2, bits: 1, colours: 0, palette: [[250, 0, 10], [5, 200, 60]], rows: [[0b10110000, 0b01000000], [0b01001111, 0b11000000]] });
    expect(rgba(one)).toEqual([g, r, g, g, r, r, r, r, r, g, r, g, r, r, g, g, g, g, g, g].flat());
    const four = bmp({ width: 3, height: 2, bits: 4, topDown: true, palette: [[1, 2, 3], [40, 50, 60], [200, 210, 220]], rows: [[0x21, 0x00], [0x02, 0x10]] });
    expect(rgba(four)).toEqual([200, 210, 220, 255, 40, 50, 60, 255, 1, 2, 3, 255, 1, 2, 3, 255, 200, 210, 220, 255, 40, 50, 60, 255]);
    expect(decodeBmp(four, 'a.bmp').channels).toBe(3);
  });

  it('reads 32-bit pixels opaque under BI_RGB and BI_BITFIELDS without an alpha mask, with alpha where a V4 header declares it, as PIL', () => {
    const rgbx = bmp({ width: 2, height: 2, bits: 32, rows: [[1, 2, 3, 0, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14, 255]] });
    expect(rgba(rgbx)).toEqual([3, 2, 1, 255, 6, 5, 4, 255, 10, 9, 8, 255, 14, 13, 12, 255]);
    expect(decodeBmp(rgbx, 'a.bmp').channels).toBe(3);
    const row = [[1, 2, 3, 0, 4, 5, 6, 128]];
    expect(rgba(bmp({ width: 2, height: 1, bits: 32, compression: 3, masks: [0xff0000, 0xff00, 0xff], rows: row }))).toEqual([3, 2, 1, 255, 6, 5, 4, 255]);
    expect(rgba(bmp({ width: 2, height: 1, bits: 32, compression: 3, headerSize: 108, masks: [0xff0000, 0xff00, 0xff, 0], rows: row }))).toEqual([3, 2, 1, 255, 6, 5, 4, 255]);
    const bgra = decodeBmp(bmp({ width: 2, height: 1, bits: 32, compression: 3, headerSize: 108, masks: [0xff0000, 0xff00, 0xff, 0xff000000], rows: row }), 'a.bmp');
    expect(Array.from(bgra.data)).toEqual([3, 2, 1, 0, 6, 5, 4, 128]);
    expect(bgra.channels).toBe(4);
    // PIL 9.4 reads the four masks from any header with 52 bytes after its size field (`len(header_data) >= 52`):
    // the 64-byte OS/2 v2 one too, not only V4/V5.
    const os2 = decodeBmp(bmp({ width: 2, height: 1, bits: 32, compression: 3, headerSize: 64, masks: [0xff0000, 0xff00, 0xff, 0xff000000], rows: row }), 'a.bmp');
    expect([Array.from(os2.data), os2.channels]).toEqual([[3, 2, 1, 0, 6, 5, 4, 128], 4]);
    // PIL reads masks under BI_BITFIELDS only: a V4 header's alpha mask beside BI_RGB, or bytes at 66…69 that
    // look like one behind a 40-byte header (here the first pixel), leave the pixels opaque.
    expect(rgba(bmp({ width: 2, height: 1, bits: 32, headerSize: 108, masks: [0xff0000, 0xff00, 0xff, 0xff000000], rows: row }))).toEqual([3, 2, 1, 255, 6, 5, 4, 255]);
    expect(rgba(bmp({ width: 2, height: 1, bits: 32, compression: 3, masks: [0xff0000, 0xff00, 0xff], rows: [[0, 0, 0, 255, 4, 5, 6, 7]] }))).toEqual([0, 0, 0, 255, 6, 5, 4, 255]);
  });

  it('reads a file that ends with its last row, and gives checkSize the header’s width and height (of a top-down file too)', () => {
    const exact = bmp({ width: 1, height: 2, bits: 24, topDown: true, rows: [[1, 2, 3], [4, 5, 6]] });
    expect(exact.length).toBe(54 + 2 * 4);
    const sizes: number[][] = [];
    expect(Array.from(decodeBmp(exact, 'a.bmp', (width, height) => sizes.push([width, height])).data)).toEqual([3, 2, 1, 255, 6, 5, 4, 255]);
    expect(sizes).toEqual([[1, 2]]);
  });

  it('names the file and the field it cannot read', () => {
    // An Error, not a string: toThrow('…') passes when undefined is thrown.
    const fail = (what: string) => new Error(`Expected a BMP image in "a.bmp", received ${what}`);
    const pixel = { width: 1, height: 1, bits: 24, rows: [[1, 2, 3]] };
    expect(() => decodeBmp(bmp(pixel).subarray(0, 53), 'a.bmp')).toThrow(fail('no BM header'));
    expect(() => decodeBmp(Uint8Array.from({ length: 60 }, (_, i) => (i === 0 ? 0x42 : 0)), 'a.bmp')).toThrow(fail('no BM header'));
    expect(() => decodeBmp(Uint8Array.from({ length: 60 }, (_, i) => (i === 1 ? 0x4d : 0)), 'a.bmp')).toThrow(fail('no BM header'));
    // A whole header and no pixels: read as a header, refused as truncated.
    expect(() => decodeBmp(bmp(pixel).subarray(0, 54), 'a.bmp')).toThrow(fail('a truncated pixel array (0 bytes for 4)'));
    expect(() => decodeBmp(bmp({ ...pixel, height: 2, rows: [[1, 2, 3], [4, 5, 6]] }).subarray(0, 60), 'a.bmp')).toThrow(fail('a truncated pixel array (6 bytes for 8)'));
    expect(() => decodeBmp(bmp({ ...pixel, width: 0, rows: [[]] }), 'a.bmp')).toThrow(fail('a size of 0×1'));
    expect(() => decodeBmp(bmp({ ...pixel, width: -1, rows: [[]] }), 'a.bmp')).toThrow(fail('a size of -1×1'));
    expect(() => decodeBmp(bmp({ ...pixel, height: 0, rows: [] }), 'a.bmp')).toThrow(fail('a size of 1×0'));
    expect(() => decodeBmp(bmp({ ...pixel, compression: 1 }), 'a.bmp')).toThrow(fail('compression 1, which this reader does not support'));
    expect(() => decodeBmp(bmp({ ...pixel, compression: 3 }), 'a.bmp')).toThrow(fail('compression 3, which this reader does not support'));
    expect(() => decodeBmp(bmp({ ...pixel, bits: 32, compression: 2, rows: [[1, 2, 3, 4]] }), 'a.bmp')).toThrow(fail('compression 2, which this reader does not support'));
    expect(() => decodeBmp(bmp({ ...pixel, bits: 16, rows: [[1, 2]] }), 'a.bmp')).toThrow(fail('16 bits per pixel'));
    expect(() => decodeBmp(bmp({ ...pixel, headerSize: 12, dataOffset: 54 }), 'a.bmp')).toThrow(fail("a 12-byte info header, which this reader does not support (it reads Windows' 40-byte one and its successors)"));
    expect(() => decodeBmp(bmp({ ...pixel, headerSize: 39, dataOffset: 54 }), 'a.bmp')).toThrow(fail("a 39-byte info header, which this reader does not support (it reads Windows' 40-byte one and its successors)"));
    expect(() => decodeBmp(bmp({ ...pixel, dataOffset: 53 }), 'a.bmp')).toThrow(fail('pixel data at byte 53, inside its 54-byte header'));
    const palette: Array<[number, number, number]> = [[1, 1, 1], [2, 2, 2], [3, 3, 3]];
    expect(() => decodeBmp(bmp({ width: 1, height: 1, bits: 1, palette, rows: [[0]] }), 'a.bmp')).toThrow(fail('a palette of 3 colours for 1-bit pixels in 12 bytes'));
    // 256 colours declared, 30 written: the palette would run 1 024 bytes past the header, the file ends 124 bytes after it.
    const thirty = Array.from({ length: 30 }, (): [number, number, number] => [1, 2, 3]);
    expect(() => decodeBmp(bmp({ width: 1, height: 1, bits: 8, palette: thirty, colours: 256, rows: [[0]] }), 'a.bmp')).toThrow(fail('a palette of 256 colours for 8-bit pixels in 124 bytes'));
  });
});
