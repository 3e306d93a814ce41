import { tf } from '@dendrite/backend';
import { checkOptionKeys, checkPositiveInteger, optionKeys } from '@dendrite/backend/internal';
import { type Callback, CallbackList, ProgbarLogger } from '@dendrite/callbacks';
import type { ModelContract } from '../contracts/model-contract';
import type { ModelOutput } from '../model-output';
import { toHostArray } from './data-adapters/host-array';
import { cutBatch } from './data-adapters/batch-cutter';
import { type ModelData, checkInputShapes, inputExpectations, orderParts } from './data-adapters/select-adapter';
import type { DataLike } from './data-adapters/host-array';
import { isBatchSource } from './data-adapters/iterable-adapter';
import { flattenOutputs, inputStructureFor } from './model-structure';

/** Options of `model.predict`, as Keras's (camelCase). */
export interface PredictOptions {
  /** Samples per batch (32). */
  batchSize?: number;
  /** 0 silent, 1 progress bar (the default, as Keras's `"auto"`), 2 one line at the end. */
  verbose?: 0 | 1 | 2;
  /** Callbacks whose predict hooks (`onPredictBegin`, `onPredictBatchEnd`, `onPredictEnd`) are called; they run synchronously. */
  callbacks?: Callback[];
}

// Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
const PREDICT_KEYS = optionKeys<PredictOptions>({ batchSize: true, verbose: true, callbacks: true });

/** Calls a predict hook on each callback; predict is synchronous, so a returned promise is not awaited. */
function callHook(callbacks: CallbackList, hook: 'onPredictBegin' | 'onPredictEnd' | 'onPredictBatchBegin' | 'onPredictBatchEnd', batch?: number): void {
  for (const callback of callbacks.callbacks) {
    if (batch === undefined) (callback[hook] as () => void).call(callback);
    else (callback[hook] as (batch: number) => void).call(callback, batch);
  }
}

/** The outputs in the structure the model returned: one tensor, a list, or an object by output name. */
function restructure(model: ModelContract, like: ModelOutput, outputs: tf.Tensor[]): ModelOutput {
  if (like instanceof tf.Tensor) return outputs[0];
  // A functional model's one-element output list has always come back as the tensor.
  if (Array.isArray(like)) return outputs.length === 1 && model.declaredOutputNames !== undefined ? outputs[0] : outputs;
  return Object.fromEntries(model.outputNames.map((name, index) => [name, outputs[index]]));
}

/**
 * `model.predict`: batches cut from host memory, `predictStep` per batch, outputs concatenated,
 * in the structure the model returns. The caller disposes the result.
 *
 * @throws TypeError for an unknown option (`Unknown option "batch_size" in predict: did you mean "batchSize"?`)
 */
export function predictModel(model: ModelContract, x: ModelData, options: PredictOptions): ModelOutput {
  checkOptionKeys(options, PREDICT_KEYS, 'predict');
  if (isBatchSource(x)) throw new Error('Expected x to be tensors or arrays in predict, received a stream of batches: iterate it and call predictOnBatch');
  const batchSize = checkPositiveInteger(options.batchSize ?? 32, 'batchSize', 'predict');
  const verbose = options.verbose ?? 1;
  if (![0, 1, 2].includes(verbose)) throw new Error(`Expected verbose to be 0, 1 or 2 in predict, received ${String(verbose)}`);
  const names = inputStructureFor(model, x).names;
  const expectations = inputExpectations(model, names);
  const xs = orderParts<DataLike>(x as DataLike, names, 'inputs').map((value, i) => toHostArray(value, names.length === 1 ? 'x' : `x[${i}]`, expectations[i]));
  checkInputShapes(model, xs);
  const samples = xs[0].shape[0];
  const callbacks = new CallbackList([...(verbose > 0 ? [new ProgbarLogger()] : []), ...(options.callbacks ?? [])]);
  callbacks.setModel(model);
  callbacks.setParams({ epochs: 1, steps: Math.ceil(samples / batchSize), verbose, metrics: [], batchSize, samples });
  callHook(callbacks, 'onPredictBegin');
  const order = Int32Array.from({ length: samples }, (_, i) => i);
  const chunks: tf.Tensor[][] = [];
  let structure: ModelOutput | undefined;
  for (let start = 0; start < samples; start += batchSize) {
    const step = chunks.length;
    callHook(callbacks, 'onPredictBatchBegin', step);
    const end = Math.min(start + batchSize, samples);
    const batch = xs.map((array) => cutBatch(array, order, start, end));
    const output = tf.tidy(() => model.predictStep(batch));
    // Prediction reads no losses: free the activity penalties the call recorded.
    model.clearLosses();
    tf.dispose(batch);
    structure ??= output;
    chunks.push(flattenOutputs(model, output));
    callHook(callbacks, 'onPredictBatchEnd', step);
  }
  if (chunks.length === 0) throw new Error('Expected at least one sample to predict, received none');
  const outputs = chunks[0].map((_, index) => (chunks.length === 1 ? chunks[0][index] : tf.concat(chunks.map((chunk) => chunk[index]))));
  if (chunks.length > 1) tf.dispose(chunks.flat());
  callHook(callbacks, 'onPredictEnd');
  return restructure(model, structure!, outputs);
}
