import { tf } from '@dendrite/backend';
import type { DataLike } from '@dendrite/models';

/**
 * The rows `indices` of training data: a `{ values, shape }` array, nested JS arrays, a tensor
 * (gathered: the caller disposes it), or a list/record of those for several inputs.
 *
 * @throws TypeError for data of another kind
 */
export function takeRows<T>(data: T, indices: Int32Array): T {
  if (data instanceof tf.Tensor) return tf.gather(data, Array.from(indices)) as T;
  if (Array.isArray(data)) {
    // A list of inputs (each an array with shape, tensor or nested array) or the rows themselves.
    if (data.length > 0 && isData(data[0]) && !Array.isArray(data[0])) return data.map((input) => takeRows(input, indices)) as T;
    return Array.from(indices, (index) => data[index]) as T;
  }
  if (typeof data === 'object' && data !== null && 'values' in data && 'shape' in data) {
    const array = data as unknown as { values: Float32Array | Int32Array | Uint8Array; shape: number[] };
    const rowSize = array.shape.slice(1).reduce((a, b) => a * b, 1);
    const Constructor = array.values.constructor as new (length: number) => typeof array.values;
    const values = new Constructor(indices.length * rowSize);
    indices.forEach((row, i) => values.set(array.values.subarray(row * rowSize, (row + 1) * rowSize) as never, i * rowSize));
    return { values, shape: [indices.length, ...array.shape.slice(1)] } as T;
  }
  if (typeof data === 'object' && data !== null) return Object.fromEntries(Object.entries(data).map(([name, input]) => [name, takeRows(input, indices)])) as T;
  throw new TypeError(`Expected arrays with shape, nested arrays or tensors to split into folds, received ${typeof data}`);
}

function isData(value: unknown): boolean {
  return value instanceof tf.Tensor || (typeof value === 'object' && value !== null && 'values' in value && 'shape' in value);
}

/** The number of rows of training data. */
export function rowCount(data: DataLike | unknown): number {
  if (data instanceof tf.Tensor) return data.shape[0];
  if (Array.isArray(data)) return data.length > 0 && isData(data[0]) ? rowCount(data[0]) : data.length;
  if (typeof data === 'object' && data !== null && 'shape' in data) return (data as { shape: number[] }).shape[0];
  if (typeof data === 'object' && data !== null) return rowCount(Object.values(data)[0]);
  throw new TypeError(`Expected training data with rows, received ${typeof data}`);
}

/** The class label of each row (argmax of one-hot rows), for stratified folds. */
export function rowLabels(y: unknown): number[] {
  const rows = rowCount(y);
  let flat: ArrayLike<number>;
  if (y instanceof tf.Tensor) flat = y.dataSync();
  else if (Array.isArray(y)) flat = (y as unknown[]).flat(Infinity) as number[];
  else flat = (y as { values: ArrayLike<number> }).values;
  const width = flat.length / rows;
  return Array.from({ length: rows }, (_, row) => {
    if (width === 1) return flat[row];
    let best = 0;
    for (let k = 1; k < width; k++) if (flat[row * width + k] > flat[row * width + best]) best = k;
    return best;
  });
}
