import { Worker } from 'bullmq';
import { Callback } from '@dendrite/callbacks';
import type { FitOptions, ModelData, TargetData } from '@dendrite/models';
import { toBuildModel, type BuildModel, type HyperModel } from '../hyper-model';
import { HyperParameters } from '../hyperparameters/hyperparameters';
import { Objective } from '../objective';
import { runTrial } from '../run-trial';
import { decodeSnapshot } from '../weights-snapshot';
import { queueName, redisConnection } from './redis-connection';
import { encodeResult, type TrialJob, type TrialJobResult } from './trial-job';

/** What a search module exports for workers: the model builder and the data each trial fits on. */
export interface SearchModule {
  /** `buildModel(hp)` or a {@link HyperModel}. */
  buildModel: BuildModel | HyperModel;
  /** The training data and the fit options that are not JSON (callbacks, validationData). */
  loadData(): Promise<{ x: ModelData; y?: TargetData; fitOptions?: FitOptions }> | { x: ModelData; y?: TargetData; fitOptions?: FitOptions };
}

/**
 * Lets timers run after each epoch: fit's awaits settle as microtasks, and BullMQ renews the
 * trial's lock on a timer; without a yield a trial longer than the lock would look stalled.
 */
class YieldToEventLoop extends Callback {
  override onEpochEnd(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Options of {@link runWorker}. */
export interface WorkerOptions {
  redis: string;
  project: string;
  /** The search module (imported once). */
  search: SearchModule;
  /** How long a trial's lock lasts without renewal, ms (30 000): a killed worker's trial is retried after it. */
  lockDuration?: number;
  /** How often stalled trials are looked for, ms (lockDuration). */
  stalledInterval?: number;
  /** Called when a trial starts and ends (the command prints them). */
  log?: (line: string) => void;
}

/**
 * A worker of a distributed search: takes trials from the project's BullMQ queue one at a time,
 * builds and trains the model as a single-process search would, and returns the metrics and best
 * weights to the chief. Close it to stop after the current trial.
 *
 * @example `const worker = await runWorker({ redis: 'redis://10.0.0.5:6379', project: 'housing', search: await import('./search.js') })`
 */
export async function runWorker(options: WorkerOptions): Promise<Worker<TrialJob, TrialJobResult>> {
  const buildModel = toBuildModel(options.search.buildModel);
  const data = await options.search.loadData();
  const log = options.log ?? (() => {});
  const lockDuration = options.lockDuration ?? 30_000;
  const worker = new Worker<TrialJob, TrialJobResult>(
    queueName(options.project),
    async (job) => {
      const trial = job.data;
      log(`trial ${trial.trialId} started (attempt ${job.attemptsStarted})`);
      const hp = new HyperParameters();
      hp.merge(trial.space);
      hp.values = { ...trial.values };
      const fitOptions: FitOptions = { ...data.fitOptions, ...trial.fitOptions, callbacks: [...(data.fitOptions?.callbacks ?? []), new YieldToEventLoop()] };
      const start = trial.startWeights === undefined ? {} : { weights: decodeSnapshot(trial.startWeights) };
      const result = await runTrial(buildModel, hp, new Objective(trial.objective.name, trial.objective.direction), data.x, data.y, fitOptions, trial.executionsPerTrial, start);
      return encodeResult(result);
    },
    { connection: redisConnection(options.redis), concurrency: 1, lockDuration, stalledInterval: options.stalledInterval ?? lockDuration, maxStalledCount: 3 },
  );
  // Logged once BullMQ accepted the result (a worker that lost its lock is refused).
  worker.on('completed', (job, result) => log(`trial ${job.data.trialId} completed score=${result.score}`));
  worker.on('failed', (job, error) => log(`trial ${job?.data.trialId} failed: ${error.message}`));
  await worker.waitUntilReady();
  return worker;
}
