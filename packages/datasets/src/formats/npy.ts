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

/** The header: one dict literal, then spaces and the newline numpy pads it with. */
const HEADER_DICT = /^\{([^{}]*)\}[ \t]*\n?$/;
/** One `'key': value,` of the header dict (a string, a boolean or a tuple). */
const HEADER_ENTRY = /\s*'(descr|fortran_order|shape)'\s*:\s*('[^']*'|True|False|\([^()]*\))\s*,?/g;

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
  if (major !== 1 && major !== 2 && major !== 3) throw fail(`format version ${major}.${bytes[7]} (expected 1.0, 2.0 or 3.0)`);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  if (headerStart + headerLength > bytes.length) throw fail('a truncated header');
  const header = new TextDecoder().decode(bytes.subarray(headerStart, headerStart + headerLength));
  // numpy reads the header with `ast.literal_eval` and wants exactly these three keys: anything
  // else in it (a stray byte in the padding, a fourth key) is a damaged file, not noise.
  const dict = HEADER_DICT.exec(header);
  const entries = dict ? [...dict[1].matchAll(HEADER_ENTRY)] : [];
  const rebuilt = entries.map((entry) => entry[0]).join('');
  const fields = Object.fromEntries(entries.map((entry) => [entry[1], entry[2]]));
  if (!dict || rebuilt.replace(/\s/g, '') !== dict[1].replace(/\s/g, '') || entries.length !== 3 || Object.keys(fields).length !== 3) {
    throw fail(`a header that is not numpy's dict of descr, fortran_order and shape: ${JSON.stringify(header.trim().slice(0, 200))}`);
  }
  const descr = /^'([^']+)'$/.exec(fields.descr ?? '')?.[1];
  const fortran = /^(True|False)$/.exec(fields.fortran_order ?? '')?.[1];
  const shapeText = /^\(([^)]*)\)$/.exec(fields.shape ?? '')?.[1];
  if (!descr || !fortran || shapeText === undefined) throw fail(`a header without descr, fortran_order and shape: ${header.trim()}`);
  if (fortran === 'True') throw fail('a Fortran-ordered array');
  const dimensions = shapeText.split(',').map((s) => s.trim());
  // numpy writes `()`, `(5,)` or `(2, 3)`: only the last item may be empty (the one-item tuple's comma).
  if (dimensions.slice(0, -1).some((s) => s === '') || dimensions.some((s) => s !== '' && !/^\d+$/.test(s))) {
    throw fail(`a shape (${shapeText}) that is not a tuple of non-negative integers`);
  }
  const shape = dimensions.filter((s) => s !== '').map(Number);
  const body = bytes.subarray(headerStart + headerLength);
  const count = shape.reduce((a, b) => a * b, 1);
  if (!Number.isSafeInteger(count)) throw fail(`a shape (${shapeText}) of more elements than an array can hold`);
  if (descr === '|O') {
    const array = unpickle(body, fileName) as PickledCall;
    const state = array?.state as unknown[] | undefined;
    const items = state?.[state.length - 1];
    if (!Array.isArray(items) || items.length !== count) throw fail(`a pickled object array whose items do not match shape [${shape}]`);
    return { shape, dtype: 'object', values: items };
  }
  if (!'<>|='.includes(descr[0])) throw fail(`a dtype ${descr} without a byte order (<, >, | or =)`);
  const little = descr[0] !== '>';
  const kind = DTYPES[descr.slice(1)];
  if (!kind) throw fail(`dtype ${descr}, which this reader does not support`);
  const [size, read, Constructor] = kind;
  if (body.length < count * size) throw fail(`a truncated body (${body.length} bytes for ${count} × ${size})`);
  if (body.length > count * size) throw fail(`${body.length - count * size} bytes after the ${count} × ${size} the header's shape declares`);
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
