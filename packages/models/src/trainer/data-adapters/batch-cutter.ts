import { tf } from '@dendrite/backend';
import type { HostArray, NumericArray } from './host-array';

/**
 * Cuts a batch of rows from a host array and uploads it as one tensor: the data set stays in host
 * memory and only the batch reaches the backend, never a per-step slice of device-resident data.
 * Each batch gets its own array because the cpu backend keeps the array it is given.
 */
export function cutBatch(source: HostArray, indices: Int32Array, start: number, end: number): tf.Tensor {
  const { rowSize, values } = source;
  const rows = end - start;
  const batch = source.dtype === 'int32' ? new Int32Array(rows * rowSize) : new Float32Array(rows * rowSize);
  if (isIncreasingRun(indices, start, end)) {
    const from = indices[start] * rowSize;
    batch.set(values.subarray(from, from + rows * rowSize) as ArrayLike<number>);
  } else {
    for (let row = 0; row < rows; row++) {
      const from = indices[start + row] * rowSize;
      batch.set((values as NumericArray).subarray(from, from + rowSize) as ArrayLike<number>, row * rowSize);
    }
  }
  return tf.tensor(batch, [rows, ...source.shape.slice(1)], source.dtype);
}

function isIncreasingRun(indices: Int32Array, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) if (indices[i] !== indices[i - 1] + 1) return false;
  return true;
}
