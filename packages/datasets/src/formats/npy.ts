import { type PickledCall, unpickle } from './pickle';

/** A NumPy array read from `.npy`: numbers in a typed array, or (object arrays) a JS array. */
export interface NpyArray {
  shape: number[];
  dtype: string;
  values: Float32Array | Float64Array | Int32Array | Uint8Array | Int8Array | Uint16Array | Int16Array | BigInt64Array | unknown[];
}

const DTYPES: Record<string, [number, (view: DataView, offset: number, little: boolean) => number | bigint, new (n: number) => NpyArray['values']]> = {
  f4: [4, (v, o, l) => v.getFloat32(o, l), Float32Array],
  f8: [8, (v, o, l) => v.getFloat64(o, l), Float64Array],
  i4: [4, (v, o, l) => v.getInt32(o, l), Int32Array],
  i8: [8, (v, o, l) => v.getBigInt64(o, l), BigInt64Array],
  u1: [1, (v, o) => v.getUint8(o), Uint8Array],
  i1: [1, (v, o) => v.getInt8(o), Int8Array],
  u2: [2, (v, o, l) => v.getUint16(o, l), Uint16Array],
  i2: [2, (v, o, l) => v.getInt16(o, l), Int16Array],
  b1: [1, (v, o) => v.getUint8(o), Uint8Array],
};

/**
 * Reads a `.npy` file: header (magic, version, a Python dict literal with descr, fortran_order
 * and shape), then the data — numbers, or a pickled object array (Keras's imdb/reuters lists).
 *
 * @throws Error naming the file and the header field that is wrong
 */
export function parseNpy(bytes: Uint8Array, fileName: string): NpyArray {
  const fail = (what: string) => new Error(`Expected a .npy array in "${fileName}", received ${what}`);
  if (bytes.length < 10 || bytes[0] !== 0x93 || new TextDecoder().decode(bytes.subarray(1, 6)) !== 'NUMPY') throw fail('no \\x93NUMPY magic');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  if (headerStart + headerLength > bytes.length) throw fail('a truncated header');
  const header = new TextDecoder().decode(bytes.subarray(headerStart, headerStart + headerLength));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!descr || !fortran || shapeText === undefined) throw fail(`a header without descr, fortran_order and shape: ${header.trim()}`);
  if (fortran === 'True') throw fail('a Fortran-ordered array');
  const shape = shapeText.split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  const body = bytes.subarray(headerStart + headerLength);
  const count = shape.reduce((a, b) => a * b, 1);
  if (descr === '|O') {
    const array = unpickle(body, fileName) as PickledCall;
    const state = array?.state as unknown[] | undefined;
    const items = state?.[state.length - 1];
    if (!Array.isArray(items) || items.length !== count) throw fail(`a pickled object array whose items do not match shape [${shape}]`);
    return { shape, dtype: 'object', values: items };
  }
  const little = descr[0] !== '>';
  const kind = DTYPES[descr.slice(1)];
  if (!kind) throw fail(`dtype ${descr}, which this reader does not support`);
  const [size, read, Constructor] = kind;
  if (body.length < count * size) throw fail(`a truncated body (${body.length} bytes for ${count} × ${size})`);
  const values = new Constructor(count);
  const bodyView = new DataView(body.buffer, body.byteOffset, body.byteLength);
  for (let k = 0; k < count; k++) (values as unknown as Array<number | bigint>)[k] = read(bodyView, k * size, little);
  return { shape, dtype: descr.slice(1), values };
}

/** Reads every array of an `.npz` archive (a ZIP of `.npy` files) by name without `.npy`. */
export function parseNpz(entries: Map<string, Uint8Array>, fileName: string): Map<string, NpyArray> {
  const arrays = new Map<string, NpyArray>();
  for (const [name, bytes] of entries) arrays.set(name.replace(/\.npy$/, ''), parseNpy(bytes, `${fileName}:${name}`));
  return arrays;
}
