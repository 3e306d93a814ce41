import { tf } from '@dendrite/backend';
import { uploadRows } from '@dendrite/backend/internal';
import type { HostArray } from './host-array';

/**
 * Cuts a batch of rows from a host array and uploads it as one tensor: the data set stays in host
 * memory and only the batch reaches the backend, never a per-step slice of device-resident data.
 * On wasm the rows go straight into the tensor's memory (see `uploadRows`).
 */
export function cutBatch(source: HostArray, indices: Int32Array, start: number, end: number): tf.Tensor {
  return uploadRows(source.values, source.rowSize, indices, start, end, [end - start, ...source.shape.slice(1)], source.dtype);
}
