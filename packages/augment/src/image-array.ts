import { tf } from '@dendrite/backend';

/** Images or labels on the host with their shape, as the data set loaders return them. */
export interface HostArray {
  values: ArrayLike<number>;
  shape: number[];
}

/** What `flow` takes: a tensor, or values with a shape. */
export type ArrayInput = tf.Tensor | HostArray;

/**
 * Host values and shape of an input (a tensor is read back once).
 *
 * @throws Error naming `argument` when the values do not fill the shape
 */
export function toHost(input: ArrayInput, argument: string): HostArray {
  if (input instanceof tf.Tensor) return { values: input.dataSync() as ArrayLike<number>, shape: input.shape.slice() };
  if (input == null || typeof input !== 'object' || !('values' in input) || !Array.isArray(input.shape)) {
    throw new Error(`Expected ${argument} to be a tensor or {values, shape}, received ${input === null ? 'null' : typeof input}`);
  }
  const size = input.shape.reduce((a, b) => a * b, 1);
  if (input.values.length !== size) throw new Error(`Expected ${size} values for ${argument} of shape [${input.shape}], received ${input.values.length}`);
  return input;
}

/** Rows `indices` of a host array, as float32 values and the batch's shape. */
export function gatherRows(array: HostArray, indices: number[]): { values: Float32Array; shape: number[] } {
  const rowSize = array.shape.slice(1).reduce((a, b) => a * b, 1);
  const out = new Float32Array(indices.length * rowSize);
  indices.forEach((row, k) => {
    const start = row * rowSize;
    const source = array.values as ArrayLike<number> & { subarray?: (a: number, b: number) => ArrayLike<number> };
    if (source.subarray) out.set(source.subarray(start, start + rowSize) as ArrayLike<number>, k * rowSize);
    else for (let i = 0; i < rowSize; i++) out[k * rowSize + i] = source[start + i];
  });
  return { values: out, shape: [indices.length, ...array.shape.slice(1)] };
}
