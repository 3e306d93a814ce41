import { CallbackList } from '../callback-list';
import type { Callback } from '../callback';
import type { Logs, TrainingParams } from '../training-model';
import { FakeModel } from './fake-model';

/** How {@link runFit} drives the callbacks. */
export interface RunFitOptions<Model extends FakeModel> {
  model?: Model;
  /** Batches per epoch (2). */
  steps?: number;
  /** Each batch's logs (default: the epoch's `loss`). */
  batchLogs?: (epoch: number, batch: number) => Logs;
  /** Runs at each batch's end before the callbacks (a training step: change the weights). */
  train?: (model: Model, epoch: number, batch: number) => void;
  /** Simulates a killed process: stop after this epoch's hooks, without `onTrainEnd`. */
  killAfterEpoch?: number;
  params?: Partial<TrainingParams>;
}

/** What {@link runFit} returns. */
export interface RunFitResult<Model extends FakeModel> {
  model: Model;
  /** The epochs run. */
  epochs: number[];
  /** Each epoch's logs as the callbacks left them. */
  logs: Logs[];
}

/**
 * Drives callbacks as `fit` does, over `epochLogs.length` epochs: setModel, setParams,
 * onTrainBegin, the resume point from `initialEpoch`, then per epoch onEpochBegin, the batch
 * hooks (stopping after a batch that set stopTraining), onEpochEnd with the epoch's logs, and
 * finally onTrainEnd.
 *
 * @internal
 */
export async function runFit<Model extends FakeModel = FakeModel>(
  callbacks: Callback[],
  epochLogs: Logs[],
  options: RunFitOptions<Model> = {},
): Promise<RunFitResult<Model>> {
  const model = options.model ?? (new FakeModel() as Model);
  const steps = options.steps ?? 2;
  const list = new CallbackList(callbacks);
  list.setModel(model);
  list.setParams({ epochs: epochLogs.length, steps, verbose: 0, metrics: Object.keys(epochLogs[0] ?? {}), ...options.params });
  model.stopTraining = false;
  await list.call('onTrainBegin');
  const initialEpoch = Math.max(0, ...callbacks.map((callback) => (callback as { initialEpoch?: number }).initialEpoch ?? 0));
  const epochs: number[] = [];
  const logs: Logs[] = [];
  for (let epoch = initialEpoch; epoch < epochLogs.length && !model.stopTraining; epoch++) {
    await list.call('onEpochBegin', epoch);
    for (let batch = 0; batch < steps; batch++) {
      await list.call('onBatchBegin', batch, {});
      options.train?.(model, epoch, batch);
      await list.call('onBatchEnd', batch, options.batchLogs?.(epoch, batch) ?? { loss: epochLogs[epoch].loss ?? 0 });
      if (model.stopTraining) break;
    }
    const epochLog = { ...epochLogs[epoch] };
    await list.call('onEpochEnd', epoch, epochLog);
    epochs.push(epoch);
    logs.push(epochLog);
    if (epoch === options.killAfterEpoch) return { model, epochs, logs };
  }
  await list.call('onTrainEnd');
  return { model, epochs, logs };
}

/** `values` as the logs of consecutive epochs under `key`. */
export function epochsOf(key: string, values: number[]): Logs[] {
  return values.map((value) => ({ [key]: value }));
}
