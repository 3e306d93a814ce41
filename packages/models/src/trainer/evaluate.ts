import type { Logs } from '@dendrite/callbacks';
import { tf } from '@dendrite/backend';
import type { Model } from '../model';
import type { DataAdapter } from './data-adapters/data-adapter';
import type { DataLike } from './data-adapters/host-array';
import { type ModelData, type TargetData, selectAdapter } from './data-adapters/select-adapter';
import { eagerLogs } from './lazy-logs';

/** Options of `model.evaluate`. */
export interface EvaluateOptions {
  /** Samples per batch (32). */
  batchSize?: number;
  /** Weight of each sample in the loss. */
  sampleWeight?: DataLike;
  /** Batches to evaluate (all). */
  steps?: number;
  /** Return `{loss, accuracy, …}` instead of a list. */
  returnDict?: boolean;
  /** Accepted for Keras compatibility; evaluation prints nothing. */
  verbose?: 0 | 1 | 2;
}

/** Runs `testStep` over every batch of an adapter and returns the metric results, read once. */
export async function runTestEpoch(model: Model, adapter: DataAdapter): Promise<number[]> {
  const compiled = model.requireCompiled('evaluate');
  compiled.resetMetrics();
  let batches = 0;
  for await (const batch of adapter.batches(0)) {
    try {
      model.testStep(batch);
    } finally {
      tf.dispose([...batch.x, ...batch.y, ...(batch.sampleWeight ? [batch.sampleWeight] : [])]);
    }
    batches++;
  }
  if (batches === 0) throw new Error('Expected at least one batch to evaluate, received none');
  return compiled.readResultsAsync();
}

/** `model.evaluate`: the loss, then each metric in compile order. */
export async function evaluateModel(
  model: Model,
  x: ModelData,
  y: TargetData | undefined,
  options: EvaluateOptions,
): Promise<number | number[] | Logs> {
  const compiled = model.requireCompiled('evaluate');
  const { train } = selectAdapter(model, x, y, {
    batchSize: options.batchSize ?? 32,
    shuffle: false,
    sampleWeight: options.sampleWeight,
    stepsPerEpoch: options.steps,
  });
  const values = await runTestEpoch(model, train);
  const names = compiled.metricNames();
  if (options.returnDict) return eagerLogs(names, values);
  return values.length === 1 ? values[0] : values;
}
