import type { HyperParameterDefinition, HyperParameterValue } from './hyperparameters/hyperparameter';

/** KerasTuner's trial states. */
export type TrialStatus = 'RUNNING' | 'IDLE' | 'COMPLETED' | 'STOPPED' | 'INVALID' | 'FAILED';

/**
 * One trial: its id, the values it tries, and once completed its score and metrics. Plain data,
 * saved as `trial.json` in the project directory and sent to workers as is.
 */
export interface Trial {
  /** Zero-padded index: `"00"`, `"01"`… */
  trialId: string;
  /** The hyperparameter values (active ones, plus Hyperband's `tuner/…` entries). */
  values: Record<string, HyperParameterValue>;
  /** The search space when the trial was created. */
  space: HyperParameterDefinition[];
  /** Where it stands. */
  status: TrialStatus;
  /** The objective, averaged over executions of each one's best epoch. */
  score?: number;
  /** The epoch (0-based) of the best objective value in the best execution. */
  bestStep?: number;
  /** The best value of every logged metric (in the objective's best epoch), averaged over executions. */
  metrics?: Record<string, number>;
  /** Why it failed, when it did. */
  message?: string;
}

/** The trial id of index `index` for a search of at most `maxTrials`, as KerasTuner pads it. */
export function trialId(index: number, maxTrials: number | undefined): string {
  const width = maxTrials === undefined ? 2 : Math.max(1, String(maxTrials).length);
  return String(index).padStart(width, '0');
}
