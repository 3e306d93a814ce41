import type { File as H5File, Group as H5Group } from 'h5wasm';
import type { ArchiveEntry } from './tensor-archive';

type H5wasm = typeof import('h5wasm').default;

let loaded: Promise<{ h5: H5wasm; fs: NonNullable<typeof import('h5wasm').FS> }> | undefined;
let fileCounter = 0;
/** The byte length of the file `readHdf5` has open (its `read` runs synchronously): no dataset may declare more. */
let openFileBytes = Number.POSITIVE_INFINITY;

/**
 * h5wasm (HDF5 built for WebAssembly), loaded on first use, with HDF5's errors turned into
 * exceptions instead of messages printed to stderr.
 */
async function loadH5wasm(): Promise<{ h5: H5wasm; fs: NonNullable<typeof import('h5wasm').FS> }> {
  loaded ??= import('h5wasm').then(async (module) => {
    const h5 = module.default;
    const wasm = (await h5.ready) as unknown as { FS: NonNullable<typeof import('h5wasm').FS>; activate_throwing_error_handler(): void };
    wasm.activate_throwing_error_handler();
    return { h5, fs: wasm.FS };
  });
  return loaded;
}

/** The first line of an HDF5 error: what went wrong, without its C stack. */
function hdf5Message(error: unknown): string {
  const text = String((error as Error)?.message ?? error);
  const reason = /minor: ([^\n]+)/.exec(text)?.[1] ?? /in [A-Za-z0-9_]+\(\): ([^\n]+)/.exec(text)?.[1];
  return reason ? reason.trim() : text.split('\n')[0];
}

/**
 * Writes an HDF5 file in memory and returns its bytes: `build` fills the file's groups, datasets
 * and attributes.
 */
export async function writeHdf5(build: (file: H5File) => void, where: string): Promise<Uint8Array> {
  const { h5, fs } = await loadH5wasm();
  const name = `/dendrite-write-${++fileCounter}.h5`;
  try {
    const file = new h5.File(name, 'w');
    try {
      build(file);
    } finally {
      file.close();
    }
    return fs.readFile(name);
  } catch (error) {
    throw new Error(`Expected to write the HDF5 file "${where}", received an HDF5 error: ${hdf5Message(error)}`);
  } finally {
    if (fs.analyzePath(name).exists) fs.unlink(name);
  }
}

/**
 * Opens HDF5 bytes read-only and passes the file to `read`; the file is closed and its in-memory
 * copy deleted however `read` ends, so callers open a file once and hand it on.
 *
 * @throws Error naming `where` when the bytes are not an HDF5 file HDF5 can open; whatever `read` throws
 */
export async function readHdf5<T>(bytes: Uint8Array, where: string, read: (file: H5File) => T): Promise<T> {
  const { h5, fs } = await loadH5wasm();
  const name = `/dendrite-read-${++fileCounter}.h5`;
  try {
    fs.writeFile(name, bytes);
    let file: H5File;
    try {
      file = new h5.File(name, 'r');
    } catch (error) {
      throw new Error(`Expected an HDF5 file in "${where}", received bytes HDF5 cannot open (${hdf5Message(error)})`);
    }
    const outer = openFileBytes;
    openFileBytes = bytes.length;
    try {
      return read(file);
    } catch (error) {
      // HDF5's own failures (a damaged object header met while reading) become Dendrite errors naming the file.
      if (/HDF5|\bH5[A-Z]/.test(String((error as Error)?.message ?? error)) && !String((error as Error)?.message).startsWith('Expected')) {
        throw new Error(`Expected a readable HDF5 file in "${where}", received an HDF5 error: ${hdf5Message(error)}`, { cause: error });
      }
      throw error;
    } finally {
      openFileBytes = outer;
      file.close();
    }
  } finally {
    if (fs.analyzePath(name).exists) fs.unlink(name);
  }
}

/** The group at `path`, making it and every missing parent (as h5py does). */
export function ensureGroup(root: H5Group, path: string): H5Group {
  let group = root;
  for (const part of path.split('/').filter((p) => p.length > 0)) {
    const existing = group.get(part);
    group = existing instanceof Object && 'create_group' in existing ? (existing as H5Group) : group.create_group(part);
  }
  return group;
}

/** Writes one array as a dataset `name` of `group` (parents of a name with `/` are made). */
export function writeArray(group: H5Group, name: string, entry: Pick<ArchiveEntry, 'shape' | 'dtype' | 'values'>): void {
  const [parent, leaf] = parentOf(group, name);
  parent.create_dataset({ name: leaf, data: entry.values, shape: entry.shape, dtype: entry.dtype === 'int32' ? '<i' : '<f' });
}

/** Writes a scalar int64 (Keras's optimizer `iterations`); parents of a name with `/` are made. */
export function writeInt64Scalar(group: H5Group, name: string, value: number): void {
  const [parent, leaf] = parentOf(group, name);
  parent.create_dataset({ name: leaf, data: BigInt64Array.of(BigInt(value)), shape: [], dtype: '<q' });
}

/** The group holding `name` (made when missing) and the last part of the name. */
function parentOf(group: H5Group, name: string): [H5Group, string] {
  const slash = name.lastIndexOf('/');
  return [slash < 0 ? group : ensureGroup(group, name.slice(0, slash)), name.slice(slash + 1)];
}

/** A dataset read back: its shape and its values as float32 (floats) or int32 (integers). */
export interface ReadArray {
  shape: number[];
  dtype: 'float32' | 'int32';
  values: Float32Array | Int32Array;
}

/**
 * Reads the dataset at `path` of `group`, checking that it is a numeric dataset before reading.
 *
 * @throws Error naming `where` and the path for a missing object, a group, or a non-numeric dataset
 */
export function readArray(group: H5Group, path: string, where: string): ReadArray {
  const dataset = group.get(path);
  if (dataset === null || !(dataset instanceof Object) || !('shape' in dataset) || !('metadata' in dataset)) {
    throw new Error(`Expected a dataset "${path}" in "${where}", received ${dataset === null ? 'nothing' : 'a group or link'}`);
  }
  const metadata = dataset.metadata as { type: number; size: number; signed: boolean };
  // HDF5 type classes: 0 integer, 1 float.
  if (metadata.type !== 0 && metadata.type !== 1) throw new Error(`Expected a numeric dataset "${path}" in "${where}", received HDF5 type class ${metadata.type}`);
  const shape = (dataset.shape ?? []) as number[];
  // The declared size is checked against the file before HDF5 is asked for the values (a 16 KB
  // file may declare a 20000×20000 dataset; compressed chunks cannot beat HDF5's own ratio by much).
  const declared = shape.reduce((n, s) => n * s, 1) * (metadata.size || 1);
  if (declared > Math.max(openFileBytes * 1032, 16 * 2 ** 20)) {
    throw new Error(`Expected dataset "${path}" of "${where}" to fit its file, received shape [${shape}] (${declared} bytes) in a file of ${openFileBytes} bytes`);
  }
  const raw = dataset.value as unknown;
  const isFloat = metadata.type === 1;
  let values: Float32Array | Int32Array;
  if (raw instanceof Float32Array) values = raw;
  else if (raw instanceof BigInt64Array || raw instanceof BigUint64Array) values = Int32Array.from(raw, (v) => Number(v));
  else if (ArrayBuffer.isView(raw)) values = isFloat ? Float32Array.from(raw as unknown as ArrayLike<number>) : Int32Array.from(raw as unknown as ArrayLike<number>);
  else if (typeof raw === 'number' || typeof raw === 'bigint') values = isFloat ? Float32Array.of(Number(raw)) : Int32Array.of(Number(raw));
  else throw new Error(`Expected numeric values in dataset "${path}" of "${where}", received ${typeof raw}`);
  const size = shape.reduce((n, s) => n * s, 1);
  if (values.length !== size) throw new Error(`Expected ${size} values in dataset "${path}" of "${where}" (shape [${shape}]), received ${values.length}`);
  return { shape, dtype: isFloat ? 'float32' : 'int32', values };
}

/** HDF5's object-header limit that Keras keeps attributes under, splitting longer lists. */
const HDF5_OBJECT_HEADER_LIMIT = 64512;

/**
 * Writes a list of names as Keras does (`save_attributes_to_hdf5_group`): one attribute, or when
 * it would not fit in an object header, chunks `name0`, `name1`, ….
 */
export function writeNameList(group: H5Group, name: string, values: readonly string[]): void {
  const bytes = values.reduce((n, v) => n + new TextEncoder().encode(v).length + 1, 0);
  if (values.length === 0) {
    // Keras writes an empty list as an empty float64 array.
    group.create_attribute(name, new Float64Array(0), [0], '<d');
    return;
  }
  if (bytes < HDF5_OBJECT_HEADER_LIMIT) {
    group.create_attribute(name, [...values]);
    return;
  }
  const chunks = Math.ceil(bytes / HDF5_OBJECT_HEADER_LIMIT) + 1;
  const size = Math.ceil(values.length / chunks);
  for (let i = 0; i * size < values.length; i++) group.create_attribute(`${name}${i}`, values.slice(i * size, (i + 1) * size));
}

/** Reads {@link writeNameList}'s list (whole or chunked); bytes are decoded as UTF-8. */
export function readNameList(group: H5Group, name: string): string[] {
  const attrs = group.attrs;
  const decode = (value: unknown): string[] => {
    if (value === null || value === undefined) return [];
    const list = Array.isArray(value) ? value : ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<unknown>) : [value];
    return list.map((item) => (item instanceof Uint8Array ? new TextDecoder().decode(item) : String(item)));
  };
  if (name in attrs) return decode(attrs[name].value);
  const all: string[] = [];
  for (let i = 0; `${name}${i}` in attrs; i++) all.push(...decode(attrs[`${name}${i}`].value));
  return all;
}

/** Reads a string attribute, or undefined when absent. */
export function readStringAttribute(group: H5Group, name: string): string | undefined {
  const attribute = group.attrs[name];
  if (attribute === undefined) return undefined;
  const value = attribute.value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return Array.isArray(value) ? String(value[0]) : String(value);
}
