import type { FitOptions } from '@dendrite/models';
import type { HyperParameterDefinition, HyperParameterValue } from '../hyperparameters/hyperparameter';
import type { Direction } from '../objective';
import type { TrialResult } from '../run-trial';
import { decodeSnapshot, encodeSnapshot } from '../weights-snapshot';

/** JSON-able fit options the chief sends with each trial (callbacks come from the worker's module). */
export type JsonFitOptions = Omit<FitOptions, 'callbacks' | 'validationData' | 'sampleWeight'>;

/** What the chief puts in the queue for one trial: everything a worker needs but the data. */
export interface TrialJob {
  trialId: string;
  values: Record<string, HyperParameterValue>;
  space: HyperParameterDefinition[];
  objective: { name: string; direction: Direction };
  executionsPerTrial: number;
  fitOptions: JsonFitOptions;
  /** Hyperband's later rounds: the earlier trial's best weights. */
  startWeights?: { shapes: number[][]; values: string };
}

/** What a worker returns for a trial (the queue keeps it until the chief records it). */
export interface TrialJobResult {
  score: number;
  bestStep: number;
  metrics: Record<string, number>;
  weights?: { shapes: number[][]; values: string };
}

/** A trial result as queue data. */
export function encodeResult(result: TrialResult): TrialJobResult {
  return { score: result.score, bestStep: result.bestStep, metrics: result.metrics, weights: result.weights && encodeSnapshot(result.weights) };
}

/** Queue data back as a trial result. */
export function decodeResult(result: TrialJobResult): TrialResult {
  return { score: result.score, bestStep: result.bestStep, metrics: result.metrics, weights: result.weights && decodeSnapshot(result.weights) };
}

/** The job id of a trial: BullMQ adds a job id once, so a restarted chief never enqueues a trial twice. */
export function trialJobId(trialId: string): string {
  return `trial-${trialId}`;
}
