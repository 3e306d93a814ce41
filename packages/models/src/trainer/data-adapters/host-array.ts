import { tf } from '@dendrite/backend';

/** Typed arrays a model can be fed from. */
export type NumericArray = Float32Array | Int32Array | Uint8Array | Uint8ClampedArray | Int8Array | Uint16Array | Int16Array | Uint32Array | Float64Array;

/** A typed array with its shape: how data that is not (yet) a tensor is given to `fit`. */
export interface ArrayWithShape {
  values: NumericArray | number[];
  shape: number[];
  /** The dtype of the batches made from it (float32, or int32 for Int32Array values). */
  dtype?: 'float32' | 'int32';
}

/** One input or target as `fit` accepts it: a tensor, a typed array with shape, nested arrays. */
export type DataLike = tf.Tensor | ArrayWithShape | number[] | number[][] | number[][][] | number[][][][];

/**
 * One input or target from which batches are cut: host memory, or the caller's tensor, whose rows
 * stay on the backend (batches are gathered there; see `cutBatch`).
 */
export interface HostArray {
  /** The rows' values. For a tensor source, read back on first access only (labels to check). */
  values: NumericArray;
  shape: number[];
  dtype: 'float32' | 'int32';
  /** Scalars per sample: the product of the shape after the batch axis. */
  rowSize: number;
  /** The caller's tensor holding the rows, never read back to cut batches. */
  tensor?: tf.Tensor;
  /** The tensor's row where these rows start (a validation split's second part). */
  firstRow?: number;
}

/**
 * The rows `firstRow …` (`shape[0]` of them) of the caller's `tensor` as a source of batches:
 * nothing is copied; `values` reads the rows back the first time it is asked for.
 */
export function tensorRows(tensor: tf.Tensor, shape: number[], dtype: 'float32' | 'int32', firstRow = 0): HostArray {
  const rowSize = tf.util.sizeFromShape(shape.slice(1));
  let values: NumericArray | undefined;
  return {
    get values(): NumericArray {
      values ??= (tensor.dataSync() as NumericArray).subarray(firstRow * rowSize, (firstRow + shape[0]) * rowSize);
      return values;
    },
    shape,
    dtype,
    rowSize,
    tensor,
    firstRow,
  };
}

function isArrayWithShape(value: unknown): value is ArrayWithShape {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'values' in value && 'shape' in value;
}

/**
 * One input or target as a source of batches, checking that its size matches its shape: a typed
 * array is taken as it is (no copy), nested arrays are flattened, a tensor stays where it is
 * (the data is not held a third time, beside the caller's array and the tensor).
 *
 * @throws Error naming the argument, expected vs received
 */
export function toHostArray(value: DataLike, argumentName: string): HostArray {
  let values: NumericArray;
  let shape: number[];
  let dtype: 'float32' | 'int32';
  if (value instanceof tf.Tensor) {
    if (value.isDisposed) throw new Error(`Expected ${argumentName} to be a live tensor, received a disposed one`);
    if (value.dtype === 'string' || value.dtype === 'complex64') {
      throw new Error(`Expected ${argumentName} to have a numeric dtype, received ${value.dtype}`);
    }
    if (value.rank === 0) throw new Error(`Expected ${argumentName} to have a batch axis, received a scalar`);
    return tensorRows(value, [...value.shape], value.dtype === 'int32' ? 'int32' : 'float32');
  } else if (isArrayWithShape(value)) {
    values = Array.isArray(value.values) ? Float32Array.from(value.values) : value.values;
    shape = [...value.shape];
    dtype = value.dtype ?? (values instanceof Int32Array ? 'int32' : 'float32');
    const expected = tf.util.sizeFromShape(shape);
    if (values.length !== expected) {
      throw new Error(`Expected ${argumentName}.values to hold ${expected} numbers for shape [${shape.join(', ')}], received ${values.length}`);
    }
  } else if (Array.isArray(value)) {
    shape = nestedShape(value);
    values = Float32Array.from(tf.util.flatten(value as number[]) as number[]);
    dtype = 'float32';
    if (values.length !== tf.util.sizeFromShape(shape)) {
      throw new Error(`Expected ${argumentName} to be a rectangular nested array, received a ragged one`);
    }
  } else {
    throw new Error(`Expected ${argumentName} to be a tensor, a {values, shape} typed array or a nested array, received ${describe(value)}`);
  }
  if (shape.length === 0) throw new Error(`Expected ${argumentName} to have a batch axis, received a scalar`);
  return { values, shape, dtype, rowSize: tf.util.sizeFromShape(shape.slice(1)) };
}

/** The shape of a nested array, read along its first elements. */
function nestedShape(value: unknown): number[] {
  const shape: number[] = [];
  let level: unknown = value;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  return shape;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  return typeof value === 'object' ? `an object with keys [${Object.keys(value).join(', ')}]` : `${typeof value} ${String(value)}`;
}
