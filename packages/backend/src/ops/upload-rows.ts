import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';

/** A host array that {@link uploadRows} copies rows from (converted to the tensor's dtype). */
export type RowSource = Float32Array | Int32Array | Uint8Array | Uint8ClampedArray | Int8Array | Uint16Array | Int16Array | Uint32Array | Float64Array;

/**
 * Uploads rows `indices[start..end)` of a row-major host array (rows of `rowSize` values) as one
 * tensor of `shape` (its first axis `end − start`). On wasm the rows are copied straight into the
 * tensor's memory, with no batch-sized JavaScript array between (one copy and one large garbage
 * array less per training step); elsewhere they are gathered into a new array first (the cpu
 * backend keeps the array it is given).
 *
 * @param values the host array, or a function giving it: called once the batch's memory is
 *   allocated, so it may return a view of the wasm heap (a tensor's rows), which an allocation
 *   that grows the heap would detach
 * @param rowSize values per row
 * @param indices row indices
 * @param start first position in `indices`
 * @param end position in `indices` after the last
 * @param shape the tensor's shape
 * @param dtype `float32` or `int32`, matching `values`
 * @returns the batch tensor
 * @example
 * ```ts
 * const batch = uploadRows(images, 784, order, 0, 128, [128, 784], 'float32');
 * ```
 */
export function uploadRows(values: RowSource | (() => RowSource), rowSize: number, indices: Int32Array, start: number, end: number, shape: number[], dtype: 'float32' | 'int32'): tf.Tensor {
  const rows = end - start;
  if (tf.util.sizeFromShape(shape) !== rows * rowSize) {
    throw new Error(`Expected shape [${shape}] to hold ${rows} rows of ${rowSize} values in uploadRows, received a shape of ${tf.util.sizeFromShape(shape)} values`);
  }
  if (tf.getBackend() === 'wasm') {
    const backend = tf.backend() as BackendWasm;
    const info = backend.makeOutput(shape, dtype);
    const target = backend.typedArrayFromHeap(info) as Float32Array | Int32Array;
    copyRows(typeof values === 'function' ? values() : values, rowSize, indices, start, end, target);
    return tf.engine().makeTensorFromTensorInfo(info);
  }
  const batch = dtype === 'int32' ? new Int32Array(rows * rowSize) : new Float32Array(rows * rowSize);
  copyRows(typeof values === 'function' ? values() : values, rowSize, indices, start, end, batch);
  return tf.tensor(batch, shape, dtype);
}

function copyRows(values: RowSource, rowSize: number, indices: Int32Array, start: number, end: number, target: Float32Array | Int32Array): void {
  const rows = end - start;
  if (isIncreasingRun(indices, start, end)) {
    const from = indices[start] * rowSize;
    target.set(values.subarray(from, from + rows * rowSize));
    return;
  }
  for (let row = 0; row < rows; row++) {
    const from = indices[start + row] * rowSize;
    target.set(values.subarray(from, from + rowSize), row * rowSize);
  }
}

function isIncreasingRun(indices: Int32Array, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) if (indices[i] !== indices[i - 1] + 1) return false;
  return true;
}
