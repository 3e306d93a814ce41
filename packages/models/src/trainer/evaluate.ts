import { Callback, CallbackList, type Logs, ProgbarLogger } from '@dendrite/callbacks';
import { tf } from '@dendrite/backend';
import { checkOptionKeys, optionKeys } from '@dendrite/backend/internal';
import type { ModelContract } from '../contracts/model-contract';
import type { DataAdapter } from './data-adapters/data-adapter';
import type { DataLike } from './data-adapters/host-array';
import { type ModelData, type TargetData, selectAdapter } from './data-adapters/select-adapter';
import { eagerLogs, lazyLogs } from './lazy-logs';

/** Options of `model.evaluate`, as Keras's (camelCase). */
export interface EvaluateOptions {
  /** Samples per batch (32). */
  batchSize?: number;
  /** Weight of each sample in the loss. */
  sampleWeight?: DataLike;
  /** Batches to evaluate (all). */
  steps?: number;
  /** Return `{loss, accuracy, …}` instead of a list. */
  returnDict?: boolean;
  /** 0 silent, 1 progress bar (the default, as Keras's `"auto"`), 2 one line at the end. */
  verbose?: 0 | 1 | 2;
  /** Callbacks whose test hooks (`onTestBegin`, `onTestBatchEnd`, `onTestEnd`) are called. */
  callbacks?: Callback[];
}

// Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
const EVALUATE_KEYS = optionKeys<EvaluateOptions>({ batchSize: true, sampleWeight: true, steps: true, returnDict: true, verbose: true, callbacks: true });

/** Whether a callback acts on evaluation batches (else no batch logs are made for it). */
function hasTestBatchHooks(callbacks: CallbackList): boolean {
  return callbacks.callbacks.some((callback) => callback.onTestBatchEnd !== Callback.prototype.onTestBatchEnd || callback.onTestBatchBegin !== Callback.prototype.onTestBatchBegin);
}

/**
 * Runs `testStep` over every batch of an adapter and returns the metric results, read once. The
 * callbacks' test hooks are called (fit passes its own for validation, as Keras).
 */
export async function runTestEpoch(model: ModelContract, adapter: DataAdapter, callbacks?: CallbackList): Promise<number[]> {
  const compiled = model.requireCompiled('evaluate');
  compiled.resetMetrics();
  const batchHooks = callbacks !== undefined && hasTestBatchHooks(callbacks);
  await callbacks?.call('onTestBegin');
  let batches = 0;
  for await (const batch of adapter.batches(0)) {
    if (batchHooks) await callbacks.call('onTestBatchBegin', batches, {});
    try {
      model.testStep(batch);
    } finally {
      tf.dispose([...batch.x, ...batch.y, ...(batch.sampleWeight ? [batch.sampleWeight] : [])]);
    }
    if (batchHooks) await callbacks.call('onTestBatchEnd', batches, lazyLogs(compiled.metricNames(), () => compiled.readResults()));
    batches++;
  }
  if (batches === 0) throw new Error('Expected at least one batch to evaluate, received none');
  const values = await compiled.readResultsAsync();
  await callbacks?.call('onTestEnd', eagerLogs(compiled.metricNames(), values));
  return values;
}

/**
 * `model.evaluate`: the loss, then each metric in compile order.
 *
 * @throws TypeError for an unknown option (`Unknown option "batch_size" in evaluate: did you mean "batchSize"?`)
 */
export async function evaluateModel(
  model: ModelContract,
  x: ModelData,
  y: TargetData | undefined,
  options: EvaluateOptions,
): Promise<number | number[] | Logs> {
  const compiled = model.requireCompiled('evaluate');
  checkOptionKeys(options, EVALUATE_KEYS, 'evaluate');
  const verbose = options.verbose ?? 1;
  if (![0, 1, 2].includes(verbose)) throw new Error(`Expected verbose to be 0, 1 or 2 in evaluate, received ${String(verbose)}`);
  const batchSize = options.batchSize ?? 32;
  const { train } = selectAdapter(model, x, y, {
    batchSize,
    shuffle: false,
    sampleWeight: options.sampleWeight,
    stepsPerEpoch: options.steps,
  });
  const callbacks = new CallbackList([...(verbose > 0 ? [new ProgbarLogger()] : []), ...(options.callbacks ?? [])]);
  callbacks.setModel(model);
  callbacks.setParams({ epochs: 1, steps: train.steps, verbose, metrics: model.hasKnownOutputs ? compiled.metricNames() : [], batchSize, samples: train.samples });
  const values = await runTestEpoch(model, train, callbacks);
  const names = compiled.metricNames();
  if (options.returnDict) return eagerLogs(names, values);
  return values.length === 1 ? values[0] : values;
}
