import { crc32, writeFileAtomic } from '@dendrite/backend/internal';
import { nodeFs } from './node-fs';

const MAGIC = 'DNDR';
/** Version 2 ends with a CRC-32 of every byte before it; version 1 (no checksum) is still read. */
const VERSION = 2;
const CHECKSUM_BYTES = 4;

/** One array of an archive. */
export interface ArchiveEntry {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  values: Float32Array | Int32Array;
}

interface EntryHeader {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  offset: number;
  length: number;
}

/**
 * Dendrite's own file of named arrays and a JSON header (weights, optimizer state), ending with a
 * CRC-32 of all its bytes (version 2): `DNDR`, a
 * version, the header's byte length, the header, then each array's bytes. Written atomically.
 */
export async function writeTensorArchive(path: string, header: Record<string, unknown>, entries: ArchiveEntry[]): Promise<void> {
  let offset = 0;
  const layout: EntryHeader[] = entries.map((entry) => {
    const item = { name: entry.name, shape: entry.shape, dtype: entry.dtype, offset, length: entry.values.length };
    offset += entry.values.length * 4;
    return item;
  });
  const headerBytes = new TextEncoder().encode(JSON.stringify({ ...header, arrays: layout }));
  const prefix = 4 + 4 + 4;
  const bytes = new Uint8Array(prefix + headerBytes.length + offset + CHECKSUM_BYTES);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, prefix);
  const body = prefix + headerBytes.length;
  entries.forEach((entry, index) => {
    bytes.set(new Uint8Array(entry.values.buffer, entry.values.byteOffset, entry.values.byteLength), body + layout[index].offset);
  });
  view.setUint32(bytes.length - CHECKSUM_BYTES, crc32(bytes.subarray(0, bytes.length - CHECKSUM_BYTES)), true);
  await writeFileAtomic(path, bytes);
}

/** A Dendrite archive read back: its JSON header (without the array layout) and its arrays. */
export interface TensorArchive {
  header: Record<string, unknown>;
  entries: ArchiveEntry[];
}

/**
 * Reads {@link writeTensorArchive}'s file at `path`.
 *
 * @throws Error naming the file and what is wrong with it
 */
export async function readTensorArchive(path: string): Promise<TensorArchive> {
  const { fs } = nodeFs('loading');
  return parseTensorArchive(await fs.promises.readFile(path), path);
}

/**
 * Reads the bytes of {@link writeTensorArchive}'s file, checking magic, version and every length
 * first. Each array is copied out, so `bytes` may be reused afterwards.
 *
 * @param where the file's name (or what the bytes came from) for error messages
 * @throws Error naming `where` and what is wrong with the bytes
 * @example
 * ```ts
 * const { header, entries } = parseTensorArchive(bytes, 'model.dndr');
 * ```
 */
export function parseTensorArchive(bytes: Uint8Array, where: string): TensorArchive {
  const fail = (what: string) => new Error(`Expected a Dendrite archive in "${where}", received ${what}`);
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw fail('a file without the DNDR header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== 1 && version !== VERSION) throw fail(`format version ${version} (this code reads 1 and ${VERSION})`);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length) throw fail(`a truncated file (header of ${headerLength} bytes, file of ${bytes.length})`);
  let header: Record<string, unknown> & { arrays?: EntryHeader[] };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength)));
  } catch {
    throw fail('a header that is not JSON');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw fail('a header that is not a JSON object');
  const body = 12 + headerLength;
  // Any changed byte (a damaged config key, a flipped weight) is caught here rather than loaded.
  const end = version === 1 ? bytes.length : bytes.length - CHECKSUM_BYTES;
  if (version !== 1 && (end < body || view.getUint32(end, true) !== crc32(bytes.subarray(0, end)))) throw fail('a damaged or truncated file (its CRC-32 does not match its bytes)');
  const arrays = header.arrays ?? [];
  if (!Array.isArray(arrays)) throw fail(`an "arrays" entry that is not a list`);
  checkLayout(arrays, end - body, fail);
  const entries = arrays.map((item) => {
    const start = body + item.offset;
    const end = start + item.length * 4;
    // A fresh, aligned copy: the bytes may start at any offset (fs gives Buffers of pooled memory).
    const copy = new Uint8Array(end - start);
    copy.set(bytes.subarray(start, end));
    const values = item.dtype === 'int32' ? new Int32Array(copy.buffer) : new Float32Array(copy.buffer);
    return { name: item.name, shape: item.shape, dtype: item.dtype, values };
  });
  delete header.arrays;
  return { header, entries };
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * Checks every array's declared layout against the bytes present before anything is allocated:
 * names, dtypes, shapes of whole non-negative numbers matching the length, offsets that are whole,
 * non-negative, inside the file and not overlapping another array.
 */
function checkLayout(arrays: unknown[], bodyBytes: number, fail: (what: string) => Error): asserts arrays is EntryHeader[] {
  const names = new Set<string>();
  const spans: Array<{ name: string; start: number; end: number }> = [];
  arrays.forEach((raw, index) => {
    const item = raw as Partial<EntryHeader> | null;
    if (typeof item !== 'object' || item === null || typeof item.name !== 'string') throw fail(`array ${index} without a name`);
    const label = `array "${item.name}"`;
    if (names.has(item.name)) throw fail(`two arrays named "${item.name}"`);
    names.add(item.name);
    if (item.dtype !== 'float32' && item.dtype !== 'int32') throw fail(`${label} of dtype ${String(item.dtype)}`);
    if (!Array.isArray(item.shape) || !item.shape.every(isCount)) throw fail(`${label} of shape ${JSON.stringify(item.shape)} (expected whole non-negative dimensions)`);
    if (!isCount(item.length)) throw fail(`${label} of length ${JSON.stringify(item.length)} (expected a whole non-negative number)`);
    if (item.length !== item.shape.reduce((product, dimension) => product * dimension, 1)) throw fail(`${label} whose length ${item.length} does not match shape [${item.shape}]`);
    if (!isCount(item.offset)) throw fail(`${label} at offset ${JSON.stringify(item.offset)} (expected a whole non-negative byte offset)`);
    const end = item.offset + item.length * 4;
    if (end > bodyBytes) throw fail(`a truncated file (array "${item.name}" ends at byte ${end} of the data, which has ${bodyBytes})`);
    spans.push({ name: item.name, start: item.offset, end });
  });
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end && spans[i].end > spans[i].start) throw fail(`array "${spans[i].name}" overlapping array "${spans[i - 1].name}" (bytes ${spans[i].start}–${spans[i].end} and ${spans[i - 1].start}–${spans[i - 1].end})`);
  }
}
