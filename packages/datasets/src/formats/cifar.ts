import { describeValue } from '@dendrite/backend/internal';
import type { PickledCall } from './pickle';
import { unpickle } from './pickle';

/** One CIFAR batch: images as `[n, 32, 32, 3]` uint8 (channels last, as Keras returns them) and labels. */
export interface CifarBatch {
  images: Uint8Array;
  /** One label list per label kind: CIFAR-10 has `labels`; CIFAR-100 `coarse_labels` and `fine_labels`. */
  labels: Record<string, Int32Array>;
  count: number;
}

const PIXELS = 32 * 32;

/** How many classes each CIFAR label kind has: a label past them is a damaged file, not a class. */
const CLASS_COUNTS: Record<string, number> = { labels: 10, coarse_labels: 20, fine_labels: 100 };

/** Refuses a label outside its kind's classes, naming the file, the record and the label. */
function checkLabels(values: Int32Array, kind: string, fileName: string): void {
  const classes = CLASS_COUNTS[kind];
  if (classes === undefined) return;
  const bad = values.findIndex((label) => !(label >= 0 && label < classes));
  if (bad >= 0) throw new Error(`Expected "${kind}" in [0, ${classes - 1}] in "${fileName}", received ${values[bad]} for image ${bad}`);
}

/** Channels-first rows (`[r…, g…, b…]` per image, as both CIFAR formats store them) to channels last. */
function toChannelsLast(source: Uint8Array, count: number, rowStride: number, rowOffset: number): Uint8Array {
  const out = new Uint8Array(count * PIXELS * 3);
  for (let n = 0; n < count; n++) {
    const base = n * rowStride + rowOffset;
    const target = n * PIXELS * 3;
    for (let p = 0; p < PIXELS; p++) {
      out[target + p * 3] = source[base + p];
      out[target + p * 3 + 1] = source[base + PIXELS + p];
      out[target + p * 3 + 2] = source[base + 2 * PIXELS + p];
    }
  }
  return out;
}

/**
 * Parses a batch of the CIFAR binary version (`data_batch_1.bin`, `train.bin`): records of
 * `labelKinds.length` label bytes then 3 072 pixel bytes (1 for CIFAR-10, 2 — coarse, fine — for
 * CIFAR-100).
 *
 * @throws Error naming the file when its length is not a whole number of records, or a label is
 *   outside its kind's classes (10, 20 coarse, 100 fine)
 */
export function parseCifarBinary(bytes: Uint8Array, labelKinds: string[], fileName: string): CifarBatch {
  const record = labelKinds.length + 3 * PIXELS;
  if (bytes.length === 0 || bytes.length % record !== 0) {
    throw new Error(`Expected "${fileName}" to hold whole CIFAR records of ${record} bytes, received ${bytes.length} bytes`);
  }
  const count = bytes.length / record;
  const labels: Record<string, Int32Array> = {};
  labelKinds.forEach((kind, k) => {
    const values = new Int32Array(count);
    for (let n = 0; n < count; n++) values[n] = bytes[n * record + k];
    checkLabels(values, kind, fileName);
    labels[kind] = values;
  });
  return { images: toChannelsLast(bytes, count, record, labelKinds.length), labels, count };
}

/** Python bytes as the pickle reader gives them: raw bytes, an ASCII string, or `_codecs.encode(text, 'latin1')`. */
function pythonBytes(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return Uint8Array.from(value, (c) => c.charCodeAt(0));
  const call = value as PickledCall | null;
  if (call?.global === '_codecs.encode' && typeof call.args[0] === 'string') return Uint8Array.from(call.args[0] as string, (c) => c.charCodeAt(0));
  return undefined;
}

/** A dict key as text, whichever way the pickle wrote it. */
function keyText(key: unknown): string | undefined {
  const raw = pythonBytes(key);
  return raw ? new TextDecoder().decode(raw) : undefined;
}

/** A NumPy uint8 array rebuilt from its pickle (`_reconstruct` then `__setstate__`). */
function pickledUint8Array(value: unknown, fileName: string): { shape: number[]; values: Uint8Array } {
  const call = value as PickledCall | null;
  const state = call?.state as unknown[] | undefined;
  const subtype = (call?.args?.[0] as PickledCall | undefined)?.global;
  // The names numpy 1 and 2 pickle under; a damaged one would not import in Python either.
  const reconstruct = call?.global === 'numpy.core.multiarray._reconstruct' || call?.global === 'numpy._core.multiarray._reconstruct';
  if (!reconstruct || subtype !== 'numpy.ndarray' || !Array.isArray(state) || state.length < 5) {
    throw new Error(`Expected a pickled NumPy array under "data" in "${fileName}", received ${describeValue(call?.global ?? typeof value)}`);
  }
  const [, shape, dtype, fortran, data] = state as [unknown, number[], PickledCall, boolean, unknown];
  const descr = dtype?.global === 'numpy.dtype' ? dtype.args?.[0] : undefined;
  if (!Array.isArray(shape) || !shape.every((size) => Number.isSafeInteger(size) && size >= 0)) throw new Error(`Expected a shape of non-negative integers for "data" in "${fileName}", received ${describeValue(shape)}`);
  if (descr !== 'u1' || fortran) throw new Error(`Expected a C-ordered uint8 array in "${fileName}", received dtype ${String(descr)}${fortran ? ', Fortran order' : ''}`);
  const values = pythonBytes(data);
  const count = shape.reduce((a, b) => a * b, 1);
  if (!values || values.length !== count) throw new Error(`Expected ${count} bytes of pixels for shape [${shape}] in "${fileName}", received ${values?.length ?? 'none'}`);
  return { shape, values };
}

/**
 * Parses a batch of the CIFAR Python version, as Keras downloads it (`data_batch_1`, `test`,
 * `train`): a pickled dict of `data` (a NumPy uint8 `[n, 3072]`) and label lists. Reading never
 * runs code from the file.
 *
 * @throws Error naming the file and the entry that is missing or malformed
 */
export function parseCifarPickle(bytes: Uint8Array, labelKinds: string[], fileName: string): CifarBatch {
  const root = unpickle(bytes, fileName);
  if (!(root instanceof Map)) throw new Error(`Expected a pickled dict in "${fileName}", received ${typeof root}`);
  const entries = new Map<string, unknown>();
  for (const [key, value] of root) {
    const name = keyText(key);
    if (name !== undefined) entries.set(name, value);
  }
  const data = pickledUint8Array(entries.get('data'), fileName);
  const count = data.shape[0];
  if (data.shape.length !== 2 || data.shape[1] !== 3 * PIXELS) throw new Error(`Expected "data" of shape [n, 3072] in "${fileName}", received [${data.shape}]`);
  const labels: Record<string, Int32Array> = {};
  for (const kind of labelKinds) {
    const list = entries.get(kind);
    if (!Array.isArray(list) || list.length !== count) {
      throw new Error(`Expected a list of ${count} "${kind}" in "${fileName}", received ${Array.isArray(list) ? `${list.length} items` : 'none'}`);
    }
    if (!list.every((label) => Number.isInteger(label))) throw new Error(`Expected integer "${kind}" in "${fileName}", received ${describeValue(list.find((label) => !Number.isInteger(label)))}`);
    labels[kind] = Int32Array.from(list as number[]);
    checkLabels(labels[kind], kind, fileName);
  }
  return { images: toChannelsLast(data.values, count, 3 * PIXELS, 0), labels, count };
}
