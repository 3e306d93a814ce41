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

/** Nested arrays of strings: raw text for a model whose input has dtype `'string'` (`[['the cat'], ['a dog']]`). */
export type StringArrays = string[] | string[][] | string[][][];

/** One input or target as `fit` accepts it: a tensor, a typed array with shape, nested arrays (of strings for a string input). */
export type DataLike = tf.Tensor | ArrayWithShape | number[] | number[][] | number[][][] | number[][][][] | StringArrays;

/**
 * One input or target from which batches are cut: host memory, or the caller's tensor, whose rows
 * stay on the backend (batches are gathered there; see `cutBatch`).
 */
export interface HostArray {
  /** The rows' values. For a tensor source, read back on first access only (labels to check); none for strings. */
  values: NumericArray;
  shape: number[];
  dtype: 'float32' | 'int32' | 'string';
  /** The rows of a string input (row-major): batches are string tensors made from them. */
  strings?: readonly string[];
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
export function tensorRows(tensor: tf.Tensor, shape: number[], dtype: HostArray['dtype'], firstRow = 0): HostArray {
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

/**
 * Rows of strings (row-major, `shape[0]` rows) as a source of batches for a string input. Strings
 * live on the JS side on every backend (tfjs's `gather` refuses them), so batches are string
 * tensors made from these rows; no numeric copy is made.
 */
export function stringRows(strings: readonly string[], shape: number[]): HostArray {
  return {
    get values(): NumericArray {
      throw new TypeError(`Expected numbers, received rows of strings of shape [${shape.join(', ')}]`);
    },
    shape,
    dtype: 'string',
    strings,
    rowSize: tf.util.sizeFromShape(shape.slice(1)),
  };
}

/** The model input some data is fed to: its name and declared dtype (undefined when the model does not say). */
export interface InputExpectation {
  name: string;
  dtype: tf.DataType | undefined;
}

function refuseStrings(argumentName: string, input: InputExpectation | undefined, received: string): never {
  if (input?.dtype === undefined) throw new TypeError(`Expected ${argumentName} to have a numeric dtype, received ${received}`);
  throw new TypeError(`Expected ${argumentName} (input "${input.name}") to have a numeric dtype as the model's input is ${input.dtype}, received ${received}`);
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
export function toHostArray(value: DataLike, argumentName: string, input?: InputExpectation): HostArray {
  let values: NumericArray;
  let shape: number[];
  let dtype: 'float32' | 'int32';
  // Strings go to an input that declares dtype 'string', or whose dtype the model does not say.
  const takesStrings = input !== undefined && (input.dtype === undefined || input.dtype === 'string');
  if (value instanceof tf.Tensor) {
    if (value.isDisposed) throw new Error(`Expected ${argumentName} to be a live tensor, received a disposed one`);
    if (value.dtype === 'string') {
      if (!takesStrings) refuseStrings(argumentName, input, 'a string tensor');
      if (value.rank === 0) throw new Error(`Expected ${argumentName} to have a batch axis, received a scalar`);
      return stringRows(value.dataSync() as unknown as string[], [...value.shape]);
    }
    if (value.dtype === 'complex64') {
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
    const flat = tf.util.flatten(value as number[]) as unknown[];
    const firstString = flat.find((entry) => typeof entry === 'string') as string | undefined;
    if (firstString !== undefined) {
      if (!takesStrings) refuseStrings(argumentName, input, `the string ${JSON.stringify(firstString)}`);
      if (flat.length !== tf.util.sizeFromShape(shape) || flat.some((entry) => typeof entry !== 'string')) {
        throw new TypeError(`Expected ${argumentName} to be a rectangular nested array of strings, received a ragged or mixed one`);
      }
      if (shape.length === 0) throw new Error(`Expected ${argumentName} to have a batch axis, received a scalar`);
      return stringRows(flat as string[], shape);
    }
    values = Float32Array.from(flat as number[]);
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
