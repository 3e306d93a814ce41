import { tf } from '@dendrite/backend';
import { checkInteger, checkOptionKeys, checkPositiveInteger, optionKeys } from '@dendrite/backend/internal';
import { type Callback, CallbackList, History, type Logs, ProgbarLogger } from '@dendrite/callbacks';
import type { ModelContract } from '../contracts/model-contract';
import type { DataAdapter } from './data-adapters/data-adapter';
import type { DataLike } from './data-adapters/host-array';
import { type ModelData, type TargetData, selectAdapter } from './data-adapters/select-adapter';
import { eagerLogs, lazyLogs } from './lazy-logs';
import { runTestEpoch } from './evaluate';

export { History };

/** Options of `model.fit`, as Keras's (camelCase). */
export interface FitOptions {
  /** Epochs to train to (1). */
  epochs?: number;
  /** Samples per batch (32). */
  batchSize?: number;
  /** 0 silent, 1 progress bar, 2 one line per epoch (1). */
  verbose?: 0 | 1 | 2;
  /** Callbacks, called in order; a History is always added and returned. */
  callbacks?: Callback[];
  /** Fraction of the samples, taken from the end before shuffling, to validate on. */
  validationSplit?: number;
  /** `[x, y]`, `[x, y, sampleWeight]` or a stream of batches to validate on after each epoch. */
  validationData?: [ModelData, TargetData] | [ModelData, TargetData, DataLike] | ModelData;
  /** Shuffle the training samples each epoch (true). */
  shuffle?: boolean;
  /** Weight of each class index in the loss. */
  classWeight?: Record<number, number>;
  /** Weight of each sample in the loss. */
  sampleWeight?: DataLike;
  /** The epoch to start at (to resume training). */
  initialEpoch?: number;
  /** Batches per epoch (required for endless generators). */
  stepsPerEpoch?: number;
  /** Validation batches per epoch. */
  validationSteps?: number;
  /** Batch size of validation (batchSize). */
  validationBatchSize?: number;
  /** Validate every N epochs (1). */
  validationFreq?: number;
}

// Stryker disable BooleanLiteral: optionKeys reads only the record's keys, never its values
const FIT_KEYS = optionKeys<FitOptions>({
  epochs: true,
  batchSize: true,
  verbose: true,
  callbacks: true,
  validationSplit: true,
  validationData: true,
  shuffle: true,
  classWeight: true,
  sampleWeight: true,
  initialEpoch: true,
  stepsPerEpoch: true,
  validationSteps: true,
  validationBatchSize: true,
  validationFreq: true,
});
// Stryker restore BooleanLiteral

function checkFitOptions(options: FitOptions): Required<Pick<FitOptions, 'epochs' | 'batchSize' | 'verbose' | 'shuffle' | 'initialEpoch'>> {
  checkOptionKeys(options, FIT_KEYS, 'fit');
  const epochs = checkInteger(options.epochs ?? 1, 'epochs', 'fit');
  const batchSize = checkPositiveInteger(options.batchSize ?? 32, 'batchSize', 'fit');
  const initialEpoch = checkInteger(options.initialEpoch ?? 0, 'initialEpoch', 'fit');
  const verbose = options.verbose ?? 1;
  if (![0, 1, 2].includes(verbose)) throw new Error(`Expected verbose to be 0, 1 or 2, received ${verbose}`);
  return { epochs, batchSize, verbose, shuffle: options.shuffle ?? true, initialEpoch };
}

function validationAdapter(model: ModelContract, options: FitOptions, batchSize: number): DataAdapter | undefined {
  const data = options.validationData;
  if (data === undefined) return undefined;
  const settings = { batchSize: options.validationBatchSize ?? batchSize, shuffle: false, stepsPerEpoch: options.validationSteps };
  if (Array.isArray(data)) {
    if (data.length !== 2 && data.length !== 3) throw new Error(`Expected validationData to be [x, y] or [x, y, sampleWeight], received a list of ${data.length}`);
    const [x, y, sampleWeight] = data as [ModelData, TargetData, DataLike?];
    return selectAdapter(model, x, y, { ...settings, sampleWeight }).train;
  }
  return selectAdapter(model, data as ModelData, undefined, settings).train;
}

/** Disposes every tensor of a batch once its step is done. */
function disposeBatch(batch: { x: tf.Tensor[]; y: tf.Tensor[]; sampleWeight?: tf.Tensor }): void {
  tf.dispose([...batch.x, ...batch.y, ...(batch.sampleWeight ? [batch.sampleWeight] : [])]);
}

/**
 * The epoch loop of `model.fit`: batches from the adapter, `model.trainStep` per batch, metrics read
 * back once per epoch (per batch only when a callback reads the lazy batch logs), validation, and
 * the callbacks' hooks. No tensor outlives its epoch.
 */
export async function fitModel(model: ModelContract, x: ModelData, y: TargetData | undefined, options: FitOptions): Promise<History> {
  const compiled = model.requireCompiled('fit');
  const settings = checkFitOptions(options);
  const { train, validation: fromSplit } = selectAdapter(model, x, y, {
    batchSize: settings.batchSize,
    shuffle: settings.shuffle,
    sampleWeight: options.sampleWeight,
    classWeight: options.classWeight,
    stepsPerEpoch: options.stepsPerEpoch,
    validationSplit: options.validationSplit,
    validationBatchSize: options.validationBatchSize,
    validationSteps: options.validationSteps,
  });
  const validation = fromSplit ?? validationAdapter(model, options, settings.batchSize);
  const history = new History();
  const userCallbacks = options.callbacks ?? [];
  const callbacks = new CallbackList([
    ...(settings.verbose > 0 ? [new ProgbarLogger()] : []),
    ...userCallbacks,
    history,
  ]);
  // A subclassed model fed a stream shows its outputs (so the logged names) on the first batch.
  let names = model.hasKnownOutputs ? compiled.metricNames() : undefined;
  const loggedNames: string[] = [];
  const logNames = (known: string[]) => loggedNames.push(...known, ...(validation ? known.map((name) => `val_${name}`) : []));
  if (names !== undefined) logNames(names);
  callbacks.setModel(model);
  callbacks.setParams({
    epochs: settings.epochs,
    steps: train.steps,
    verbose: settings.verbose,
    metrics: loggedNames,
    batchSize: settings.batchSize,
    samples: train.samples,
  });
  model.stopTraining = false;
  await callbacks.call('onTrainBegin');
  let initialEpoch = settings.initialEpoch;
  for (const callback of userCallbacks) {
    const resumeAt = (callback as Callback & { initialEpoch?: number }).initialEpoch;
    if (typeof resumeAt === 'number' && resumeAt > initialEpoch) initialEpoch = resumeAt;
  }
  const wantsBatchLogs = callbacks.hasBatchHooks();
  let lastLogs: Logs | undefined;
  for (let epoch = initialEpoch; epoch < settings.epochs && !model.stopTraining; epoch++) {
    compiled.resetMetrics();
    await callbacks.call('onEpochBegin', epoch);
    let step = 0;
    for await (const batch of train.batches(epoch)) {
      if (wantsBatchLogs) await callbacks.call('onBatchBegin', step, {});
      try {
        model.trainStep(batch);
      } finally {
        disposeBatch(batch);
      }
      if (names === undefined) logNames((names = compiled.metricNames()));
      if (wantsBatchLogs) await callbacks.call('onBatchEnd', step, lazyLogs(names, () => compiled.readResults()));
      step++;
      if (model.stopTraining) break;
    }
    if (step === 0) throw new Error(`Expected at least one batch in epoch ${epoch + 1}, received none (is the dataset empty?)`);
    const logs: Logs = eagerLogs(names!, await compiled.readResultsAsync());
    const validateNow = validation !== undefined && (epoch + 1 - initialEpoch) % (options.validationFreq ?? 1) === 0;
    if (validateNow) Object.assign(logs, eagerLogs(names!, await runTestEpoch(model, validation!, callbacks), 'val_'));
    await callbacks.call('onEpochEnd', epoch, logs);
    lastLogs = logs;
  }
  // As Keras, the end of training sees the last epoch's logs.
  await callbacks.call('onTrainEnd', lastLogs);
  return history;
}
