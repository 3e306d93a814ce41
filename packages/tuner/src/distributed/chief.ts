import { Job, Queue, QueueEvents } from 'bullmq';
import type { Tuner } from '../tuner';
import type { Trial } from '../trial';
import { encodeSnapshot } from '../weights-snapshot';
import { queueName, redisConnection } from './redis-connection';
import { decodeResult, trialJobId, type JsonFitOptions, type TrialJob, type TrialJobResult } from './trial-job';

/** Options of {@link runChief}. */
export interface ChiefOptions {
  /** `redis://host:port` every worker reaches too. */
  redis: string;
  /** The project name, shared with the workers (`--project`). */
  project: string;
  /** JSON-able fit options sent with every trial (epochs, batchSize, validationSplit…). */
  fitOptions?: JsonFitOptions;
  /** Trials in the queue at once (4): as many as workers keeps them all busy. */
  parallelTrials?: number;
  /** Called with each trial the chief records (for progress output). */
  onTrialEnd?: (trial: Trial) => void;
}

/**
 * The chief of a distributed search: keeps the tuner's oracle (and its project directory), puts
 * each trial in a BullMQ queue for `dendrite-tuner worker` processes, and records each result
 * exactly once. A killed worker's trial is retried by another (BullMQ's stalled jobs); a restarted
 * chief resumes from the project directory, and a trial already in the queue is not added twice
 * (its job id is the trial id).
 *
 * @example
 * ```ts
 * const tuner = new RandomSearch(buildModel, { objective: 'val_loss', maxTrials: 20, directory: 'tuning', projectName: 'housing' });
 * await runChief(tuner, { redis: 'redis://10.0.0.5:6379', project: 'housing', fitOptions: { epochs: 30, validationSplit: 0.2 } });
 * tuner.resultsSummary();
 * ```
 */
export async function runChief(tuner: Tuner, options: ChiefOptions): Promise<void> {
  const connection = redisConnection(options.redis);
  const name = queueName(options.project);
  const queue = new Queue<TrialJob, TrialJobResult>(name, { connection });
  const events = new QueueEvents(name, { connection });
  try {
    await events.waitUntilReady();
    await tuner.reloadOrStart();
    const running = new Map<string, Promise<{ trialId: string; result?: TrialJobResult; error?: unknown }>>();
    const parallel = options.parallelTrials ?? 4;
    for (;;) {
      while (running.size < parallel) {
        const trial = tuner.oracle.createTrial();
        if (trial.status !== 'RUNNING') break;
        tuner.saveOracle();
        const job = await queue.add('trial', jobData(tuner, trial, options.fitOptions ?? {}), { jobId: trialJobId(trial.trialId), attempts: 3, removeOnComplete: false, removeOnFail: false });
        running.set(trial.trialId, waitForJob(job, events, trial.trialId));
      }
      // STOPPED, or IDLE with nothing running (nothing could change the oracle's mind): done.
      if (running.size === 0) break;
      const finished = await Promise.race(running.values());
      running.delete(finished.trialId);
      const trial = tuner.oracle.trials.get(finished.trialId)!;
      if (trial.status === 'COMPLETED') continue;
      if (finished.result === undefined) tuner.recordFailure(trial, finished.error);
      else tuner.recordResult(finished.trialId, decodeResult(finished.result));
      options.onTrialEnd?.(tuner.oracle.trials.get(finished.trialId)!);
    }
  } finally {
    await events.close();
    await queue.close();
  }
}

function jobData(tuner: Tuner, trial: Trial, fitOptions: JsonFitOptions): TrialJob {
  const previous = trial.values['tuner/trial_id'];
  const weights = previous === undefined ? undefined : tuner.trialWeights(previous as string);
  const { name, direction } = tuner.oracle.objective;
  return {
    trialId: trial.trialId,
    values: trial.values,
    space: trial.space,
    objective: { name, direction },
    executionsPerTrial: tuner.executionsPerTrial,
    fitOptions,
    ...(weights === undefined ? {} : { startWeights: encodeSnapshot(weights) }),
  };
}

async function waitForJob(job: Job<TrialJob, TrialJobResult>, events: QueueEvents, trialId: string): Promise<{ trialId: string; result?: TrialJobResult; error?: unknown }> {
  try {
    return { trialId, result: (await job.waitUntilFinished(events)) as TrialJobResult };
  } catch (error) {
    return { trialId, error };
  }
}
