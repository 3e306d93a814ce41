import { pythonRepr } from '@dendrite/callbacks';
import type { HyperParameterValue } from './hyperparameters/hyperparameter';
import type { Oracle } from './oracles/oracle';
import type { Trial } from './trial';

/** A value as Python prints it (`True`, `0.001`, `1e-05`, `relu`). */
export function pythonValue(value: HyperParameterValue | undefined): string {
  if (value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isInteger(value) && !Object.is(value, -0) ? String(value) : pythonRepr(value);
  return value;
}

function pythonScore(value: number): string {
  return Number.isInteger(value) ? `${value}.0` : pythonRepr(value);
}

/** KerasTuner's `Trial.summary()`. */
export function formatTrialSummary(trial: Trial): string {
  const lines = [`Trial ${trial.trialId} summary`, 'Hyperparameters:'];
  for (const [name, value] of Object.entries(trial.values)) lines.push(`${name}: ${pythonValue(value)}`);
  if (trial.score !== undefined) lines.push(`Score: ${pythonScore(trial.score)}`);
  if (trial.message !== undefined) lines.push(trial.message);
  return lines.join('\n');
}

/** KerasTuner's `results_summary(num_trials)` text. */
export function formatResultsSummary(oracle: Oracle, projectPath: string, numTrials: number): string {
  const lines = ['Results summary', `Results in ${projectPath}`, `Showing ${numTrials} best trials`, String(oracle.objective)];
  for (const trial of oracle.getBestTrials(numTrials)) lines.push('', formatTrialSummary(trial));
  return lines.join('\n');
}

function clock(milliseconds: number): string {
  const seconds = Math.round(milliseconds / 1000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}h ${pad(Math.floor(seconds / 60) % 60)}m ${pad(seconds % 60)}s`;
}

/** KerasTuner's lines after each trial: `Trial 3 Complete [00h 00m 02s]`, its score, the best so far. */
export function formatTrialEnd(oracle: Oracle, trial: Trial, trialMilliseconds: number, totalMilliseconds: number): string {
  const best = oracle.getBestTrials(1)[0];
  const name = oracle.objective.name;
  return [
    `Trial ${oracle.trials.size} Complete [${clock(trialMilliseconds)}]`,
    `${name}: ${trial.score === undefined ? 'None' : pythonScore(trial.score)}`,
    '',
    `Best ${name} So Far: ${best?.score === undefined ? 'None' : pythonScore(best.score)}`,
    `Total elapsed time: ${clock(totalMilliseconds)}`,
  ].join('\n');
}
