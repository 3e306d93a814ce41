import { inflateSync } from 'fflate';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ZIP's, IEEE 802.3) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A ZIP archive of stored (uncompressed) files, as Python's `zipfile.ZipFile(f, "w")` writes the
 * `.keras` format: local headers, data, central directory, end record. Names are ASCII paths.
 */
export function writeZip(files: ReadonlyArray<[name: string, data: Uint8Array]>): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = encoder.encode(name);
    const crc = crc32(data);
    const local = new Uint8Array(30 + nameBytes.length);
    const view = new DataView(local.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, 20, true); // version needed
    view.setUint16(8, 0, true); // stored
    view.setUint16(10, 0, true); // time
    view.setUint16(12, 0x21, true); // date: 1980-01-01
    view.setUint32(14, crc, true);
    view.setUint32(18, data.length, true);
    view.setUint32(22, data.length, true);
    view.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const entry = new Uint8Array(46 + nameBytes.length);
    const cview = new DataView(entry.buffer);
    cview.setUint32(0, 0x02014b50, true);
    cview.setUint16(4, 20, true);
    cview.setUint16(6, 20, true);
    cview.setUint16(14, 0x21, true);
    cview.setUint32(16, crc, true);
    cview.setUint32(20, data.length, true);
    cview.setUint32(24, data.length, true);
    cview.setUint16(28, nameBytes.length, true);
    cview.setUint32(42, offset, true);
    entry.set(nameBytes, 46);
    parts.push(local, data);
    central.push(entry);
    offset += local.length + data.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const eview = new DataView(end.buffer);
  eview.setUint32(0, 0x06054b50, true);
  eview.setUint16(8, files.length, true);
  eview.setUint16(10, files.length, true);
  eview.setUint32(12, centralSize, true);
  eview.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...parts, ...central, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * How far a decompression may grow: past either limit it stops with an error instead of taking
 * gigabytes and minutes (a decompression bomb). Callers that trust a file raise them.
 */
export interface DecompressionLimits {
  /** The most bytes the output may have in all (default 1 GiB). */
  maxBytes?: number;
  /** The most output bytes per input byte (default 200; deflate alone reaches 1 032). Output up to 16 MiB is always allowed. */
  maxRatio?: number;
}

/** The limits applied when a caller gives none. */
export const DEFAULT_DECOMPRESSION_LIMITS: Readonly<Required<DecompressionLimits>> = Object.freeze({ maxBytes: 2 ** 30, maxRatio: 200 });

/** Output always allowed whatever the ratio: small files of zeros compress far beyond any sane ratio. */
const RATIO_FREE_BYTES = 16 * 2 ** 20;

/**
 * The most bytes `compressedBytes` may decompress to under `limits`.
 *
 * @throws TypeError when a limit is not a positive number
 */
export function decompressionBudget(compressedBytes: number, limits: DecompressionLimits = {}): number {
  const { maxBytes, maxRatio } = { ...DEFAULT_DECOMPRESSION_LIMITS, ...limits };
  for (const [name, value] of [['maxBytes', maxBytes], ['maxRatio', maxRatio]] as const) {
    if (typeof value !== 'number' || !(value > 0)) throw new TypeError(`Expected ${name} to be a positive number in the decompression limits, received ${String(value)}`);
  }
  return Math.min(maxBytes, Math.max(RATIO_FREE_BYTES, compressedBytes * maxRatio));
}

/**
 * Reads the files of a ZIP archive (stored or deflated: `.keras`, `.npz`, Keras's dataset zips),
 * checking each one's CRC-32 and size. Nothing is extracted to disk; an entry whose name would
 * leave the archive's folder (`..`, an absolute path) is refused.
 *
 * @param names the files to read; others are skipped (all when omitted)
 * @param limits how far the archive may decompress (in all, against its size): declared sizes are
 *   checked before anything is allocated
 * @returns the files found, by name (a name asked for but absent is missing from the map)
 * @throws Error naming `where` for a file that is not a ZIP archive, a truncated one, an entry
 *   whose CRC or size does not match, an entry leaving the archive, ZIP64, a compression
 *   method other than stored/deflate, or entries that decompress beyond `limits`
 */
export function readZip(bytes: Uint8Array, where: string, names?: readonly string[], limits?: DecompressionLimits): Map<string, Uint8Array> {
  const fail = (what: string) => new Error(`Expected a ZIP archive in "${where}", received ${what}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let endAt = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      endAt = i;
      break;
    }
  }
  if (endAt < 0) throw fail('no end-of-central-directory record (truncated or not a ZIP)');
  const count = view.getUint16(endAt + 10, true);
  let at = view.getUint32(endAt + 16, true);
  if (at === 0xffffffff || count === 0xffff) throw fail('a ZIP64 archive, which is not supported');
  const decoder = new TextDecoder();
  const found = new Map<string, Uint8Array>();
  const budget = decompressionBudget(bytes.length, limits);
  let decompressed = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw fail('a damaged central directory');
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (name.split(/[\\/]/).includes('..') || name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw fail(`an entry "${name}" that leaves the archive`);
    if (names !== undefined && !names.includes(name)) continue;
    if (localAt + 30 > bytes.length || view.getUint32(localAt, true) !== 0x04034b50) throw fail(`a damaged local header for "${name}"`);
    const localNameLength = view.getUint16(localAt + 26, true);
    // The central directory's name is not under the CRC: a damaged one must not rename an array.
    if (decoder.decode(bytes.subarray(localAt + 30, localAt + 30 + localNameLength)) !== name) throw fail(`an entry named "${name}" in the directory and otherwise in its local header (a damaged file)`);
    const dataAt = localAt + 30 + localNameLength + view.getUint16(localAt + 28, true);
    if (dataAt + compressedSize > bytes.length) throw fail(`a truncated archive ("${name}" needs ${compressedSize} bytes at ${dataAt}, the file has ${bytes.length})`);
    decompressed += size;
    if (decompressed > budget) {
      throw fail(`entries that decompress to more than ${budget} bytes ("${name}" declares ${size}; a decompression bomb? pass larger limits to read it)`);
    }
    const raw = bytes.subarray(dataAt, dataAt + compressedSize);
    let data: Uint8Array;
    if (method === 0) data = raw.slice();
    else if (method === 8) {
      try {
        data = inflateSync(raw, { out: new Uint8Array(size) });
      } catch (error) {
        throw fail(`"${name}" whose compressed data is damaged (${(error as Error).message})`);
      }
    } else throw fail(`"${name}" compressed with method ${method} (expected stored or deflate)`);
    if (data.length !== size) throw fail(`"${name}" of ${data.length} bytes where the directory says ${size}`);
    if (crc32(data) !== crc) throw fail(`"${name}" whose CRC-32 does not match (a damaged file)`);
    found.set(name, data);
  }
  return found;
}
