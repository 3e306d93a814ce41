/** What {@link parseIdx} returns: the values and the shape the header declares. */
export interface IdxArray {
  values: Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
  shape: number[];
}

const IDX_TYPES: Record<number, { name: string; bytes: number }> = {
  0x08: { name: 'uint8', bytes: 1 },
  0x09: { name: 'int8', bytes: 1 },
  0x0b: { name: 'int16', bytes: 2 },
  0x0c: { name: 'int32', bytes: 4 },
  0x0d: { name: 'float32', bytes: 4 },
  0x0e: { name: 'float64', bytes: 8 },
};

/**
 * Parses an IDX file (the MNIST format): two zero bytes, a type byte, the number of dimensions,
 * each dimension as a big-endian uint32, then the values, big-endian.
 *
 * @param bytes the file's bytes (already gunzipped)
 * @param fileName for error messages
 * @throws Error naming the file and the header field that is wrong, or the truncation
 */
export function parseIdx(bytes: Uint8Array, fileName: string): IdxArray {
  const fail = (what: string) => new Error(`Expected an IDX file in "${fileName}", received ${what}`);
  if (bytes.length < 4) throw fail(`only ${bytes.length} bytes`);
  if (bytes[0] !== 0 || bytes[1] !== 0) throw fail(`magic bytes ${bytes[0]}, ${bytes[1]} instead of 0, 0`);
  const type = IDX_TYPES[bytes[2]];
  if (type === undefined) throw fail(`an unknown type byte 0x${bytes[2].toString(16)}`);
  const rank = bytes[3];
  const headerLength = 4 + 4 * rank;
  if (bytes.length < headerLength) throw fail(`a header cut short (${bytes.length} bytes for ${rank} dimensions)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape = Array.from({ length: rank }, (_, axis) => view.getUint32(4 + 4 * axis, false));
  const count = shape.reduce((product, size) => product * size, 1);
  const expected = headerLength + count * type.bytes;
  if (bytes.length < expected) throw fail(`a truncated body (${bytes.length} bytes, the header [${shape.join(', ')}] needs ${expected})`);
  if (bytes.length > expected) throw fail(`${bytes.length - expected} bytes after the data the header [${shape.join(', ')}] declares`);
  const body = bytes.subarray(headerLength, expected);
  if (type.bytes === 1) {
    const copy = body.slice();
    return { values: type.name === 'int8' ? new Int8Array(copy.buffer) : copy, shape };
  }
  const values =
    type.name === 'int16' ? new Int16Array(count) : type.name === 'int32' ? new Int32Array(count) : type.name === 'float32' ? new Float32Array(count) : new Float64Array(count);
  const bodyView = new DataView(body.buffer, body.byteOffset, body.byteLength);
  for (let i = 0; i < count; i++) {
    const offset = i * type.bytes;
    values[i] =
      type.name === 'int16' ? bodyView.getInt16(offset, false) : type.name === 'int32' ? bodyView.getInt32(offset, false) : type.name === 'float32' ? bodyView.getFloat32(offset, false) : bodyView.getFloat64(offset, false);
  }
  return { values, shape };
}

/** Writes an IDX file (for tests and for caching converted data). */
export function encodeIdx(values: Uint8Array, shape: number[]): Uint8Array {
  const header = new Uint8Array(4 + 4 * shape.length);
  header[2] = 0x08;
  header[3] = shape.length;
  const view = new DataView(header.buffer);
  shape.forEach((size, axis) => view.setUint32(4 + 4 * axis, size, false));
  const bytes = new Uint8Array(header.length + values.length);
  bytes.set(header);
  bytes.set(values, header.length);
  return bytes;
}
