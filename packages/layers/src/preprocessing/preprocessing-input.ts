import { tf } from '@dendrite/backend';
import { describeValue } from '@dendrite/backend/internal';

/** A nested list of strings or numbers (`[['a', 'b'], ['c', 'd']]`). */
export type NestedValues = ReadonlyArray<string | number | boolean | NestedValues>;

/** Values read back from a tensor or a list: flat, row-major, with their shape. */
export interface HostBatch {
  values: Array<string | number>;
  shape: number[];
}

/**
 * What `adapt` learns from: a tensor, a (nested) list of strings or numbers, a typed array, or a
 * stream of batches of those (a `Dataset`, any iterable or async iterable of batches).
 */
export type AdaptData =
  | tf.Tensor
  | NestedValues
  | ArrayLike<number>
  | AsyncIterable<tf.Tensor | NestedValues | HostBatch>
  | Iterable<tf.Tensor | NestedValues | HostBatch>;

/** What a preprocessing layer's `apply` also takes besides tensors: plain (nested) lists. */
export type PreprocessingInput = tf.Tensor | NestedValues;

function isTypedArray(value: unknown): value is ArrayLike<number> {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

function flatten(values: unknown, owner: string): HostBatch {
  const shape: number[] = [];
  let level: unknown = values;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  const flat = (values as unknown[]).flat(Infinity) as unknown[];
  if (flat.length !== shape.reduce((product, size) => product * size, 1) || flat.some((entry) => typeof entry !== 'string' && typeof entry !== 'number' && typeof entry !== 'boolean')) {
    throw new TypeError(`Expected the data of ${owner} to be a rectangular list of strings or numbers, received ${describeValue(values)}`);
  }
  return { values: flat.map((entry) => (typeof entry === 'boolean' ? Number(entry) : entry)) as Array<string | number>, shape };
}

/**
 * Reads a tensor, a (nested) list, a typed array or `{values, shape}` back to the host.
 *
 * @param value the data
 * @param owner who reads it, for errors (`layer "string_lookup_1"`)
 * @throws TypeError for anything else, or a ragged list
 */
export function hostBatch(value: unknown, owner: string): HostBatch {
  if (value instanceof tf.Tensor) return { values: Array.from(value.dataSync() as ArrayLike<string | number>), shape: [...value.shape] };
  if (isTypedArray(value)) return { values: Array.from(value), shape: [value.length] };
  if (Array.isArray(value)) return flatten(value, owner);
  if (typeof value === 'string' || typeof value === 'number') return { values: [value], shape: [] };
  if (typeof value === 'object' && value !== null && 'values' in value && 'shape' in value) {
    const { values, shape } = value as { values: ArrayLike<string | number>; shape: number[] };
    return { values: Array.from(values), shape: [...shape] };
  }
  throw new TypeError(`Expected the data of ${owner} to be a tensor, a list or a typed array, received ${describeValue(value)}`);
}

/**
 * Whether `adapt`'s data is a stream of batches (a dataset, an iterable, a list of tensors) rather
 * than one tensor or list of values.
 */
export function isBatchStream(data: unknown): boolean {
  if (data instanceof tf.Tensor || isTypedArray(data)) return false;
  if (Array.isArray(data)) return data.length > 0 && data[0] instanceof tf.Tensor;
  return true;
}

/**
 * The batches of `adapt`'s data: the data itself when it is a tensor or a list, each element
 * of a stream otherwise (at most `steps` of them).
 *
 * @throws TypeError when the data is none of {@link AdaptData}
 */
export async function* adaptBatches(data: AdaptData, owner: string, steps?: number): AsyncGenerator<HostBatch> {
  if (!isBatchStream(data)) {
    yield hostBatch(data, owner);
    return;
  }
  if (typeof data !== 'object' || data === null || !(Symbol.asyncIterator in data || Symbol.iterator in data)) {
    throw new TypeError(`Expected the data of ${owner}.adapt to be a tensor, a list or a dataset of batches, received ${describeValue(data)}`);
  }
  let step = 0;
  for await (const batch of data as AsyncIterable<unknown>) {
    if (steps !== undefined && step >= steps) return;
    yield hostBatch(batch, owner);
    step++;
  }
}

/**
 * A preprocessing layer's input as a tensor: a list becomes a string tensor or a tensor of
 * `numberDtype`; a tensor passes unchanged.
 */
export function toInputTensor(value: unknown, numberDtype: 'int32' | 'float32', owner: string): unknown {
  if (!Array.isArray(value) && typeof value !== 'string' && typeof value !== 'number') return value;
  const { values, shape } = hostBatch(value, owner);
  if (values.some((entry) => typeof entry === 'string')) return tf.tensor(values.map(String), shape, 'string');
  return tf.tensor(values as number[], shape, numberDtype);
}
