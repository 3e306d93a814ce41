import { tf } from '@dendrite/backend';
import { uploadRows } from '@dendrite/backend/internal';
import type { HostArray } from './host-array';

/** What the wasm backend offers to read a tensor's rows in place. */
interface WasmHeap {
  dataIdMap: { has(dataId: object): boolean };
  typedArrayFromHeap(info: { dataId: object; shape: number[]; dtype: string }): Exclude<HostArray['values'], Float64Array>;
}

/**
 * Cuts a batch of rows (`indices[start … end)`) as one tensor. From host memory, only the batch
 * reaches the backend (on wasm the rows go straight into the tensor's memory, see `uploadRows`);
 * from the caller's tensor, the rows are never read back: on wasm they are copied from the
 * tensor's memory into the batch's, elsewhere gathered on the backend (`tf.gather`). Rows of
 * strings (which `tf.gather` refuses) become a string tensor of the batch's rows.
 */
export function cutBatch(source: HostArray, indices: Int32Array, start: number, end: number): tf.Tensor {
  const { tensor, strings } = source;
  if (strings !== undefined) return stringBatch(strings, source.rowSize, indices, start, end, [end - start, ...source.shape.slice(1)]);
  // Past the strings, the rows are numbers.
  const dtype = source.dtype as 'float32' | 'int32';
  if (tensor === undefined) return uploadRows(source.values, source.rowSize, indices, start, end, [end - start, ...source.shape.slice(1)], dtype);
  const firstRow = source.firstRow ?? 0;
  const shape = [end - start, ...source.shape.slice(1)];
  const backend = tf.backend() as unknown as Partial<WasmHeap>;
  if (tf.getBackend() === 'wasm' && backend.dataIdMap?.has(tensor.dataId) && backend.typedArrayFromHeap) {
    // The rows are copied from the tensor's own memory (a view, taken after the batch is allocated).
    const rowsOf = () => backend.typedArrayFromHeap!(tensor).subarray(firstRow * source.rowSize, (firstRow + source.shape[0]) * source.rowSize);
    return uploadRows(rowsOf, source.rowSize, indices, start, end, shape, dtype);
  }
  const rows = Int32Array.from(indices.subarray(start, end), (index) => index + firstRow);
  return tf.tidy(() => {
    const batch = tf.gather(tensor, tf.tensor1d(rows, 'int32'));
    return batch.dtype === source.dtype ? batch : tf.cast(batch, source.dtype);
  });
}

/** The rows `indices[start … end)` of row-major strings as one string tensor. */
function stringBatch(strings: readonly string[], rowSize: number, indices: Int32Array, start: number, end: number, shape: number[]): tf.Tensor {
  const rows: string[] = [];
  for (let i = start; i < end; i++) {
    const from = indices[i] * rowSize;
    for (let k = 0; k < rowSize; k++) rows.push(strings[from + k]);
  }
  return tf.tensor(rows, shape, 'string');
}
