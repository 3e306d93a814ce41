import { tf } from '@dendrite/backend';
import type { TensorOrList } from '@dendrite/layers';
import type { Model } from '../model';
import { toHostArray } from './data-adapters/host-array';
import { cutBatch } from './data-adapters/batch-cutter';
import { type ModelData, inputNames, checkInputShapes, orderParts } from './data-adapters/select-adapter';
import type { DataLike } from './data-adapters/host-array';
import { isBatchSource } from './data-adapters/iterable-adapter';

/** Options of `model.predict`. */
export interface PredictOptions {
  /** Samples per batch (32). */
  batchSize?: number;
  /** Accepted for Keras compatibility; prediction prints nothing. */
  verbose?: 0 | 1 | 2;
}

/**
 * `model.predict`: batches cut from host memory, `predictStep` per batch, outputs concatenated.
 * The caller disposes the result.
 */
export function predictModel(model: Model, x: ModelData, options: PredictOptions): TensorOrList {
  if (isBatchSource(x)) throw new Error('Expected x to be tensors or arrays in predict, received a stream of batches: iterate it and call predictOnBatch');
  const batchSize = options.batchSize ?? 32;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`Expected batchSize to be an integer ≥ 1, received ${batchSize}`);
  const names = inputNames(model);
  const xs = orderParts<DataLike>(x as DataLike, names, 'inputs').map((value, i) => toHostArray(value, names.length === 1 ? 'x' : `x[${i}]`));
  checkInputShapes(model, xs);
  const samples = xs[0].shape[0];
  const order = Int32Array.from({ length: samples }, (_, i) => i);
  const chunks: tf.Tensor[][] = [];
  for (let start = 0; start < samples; start += batchSize) {
    const end = Math.min(start + batchSize, samples);
    const batch = xs.map((array) => cutBatch(array, order, start, end));
    const output = tf.tidy(() => model.predictStep(batch));
    // Prediction reads no losses: free the activity penalties the call recorded.
    model.clearLosses();
    tf.dispose(batch);
    chunks.push(Array.isArray(output) ? output : [output]);
  }
  if (chunks.length === 0) throw new Error('Expected at least one sample to predict, received none');
  const outputs = chunks[0].map((_, index) => {
    if (chunks.length === 1) return chunks[0][index];
    const joined = tf.concat(chunks.map((chunk) => chunk[index]));
    return joined;
  });
  if (chunks.length > 1) tf.dispose(chunks.flat());
  return outputs.length === 1 ? outputs[0] : outputs;
}
