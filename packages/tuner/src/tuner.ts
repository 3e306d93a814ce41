import { checkOptionKeys, describeValue, optionKeys } from '@dendrite/backend/internal';
import type { FitOptions, Model, ModelData, TargetData } from '@dendrite/models';
import { toBuildModel, type BuildModel, type HyperModel } from './hyper-model';
import { HyperParameters } from './hyperparameters/hyperparameters';
import type { Oracle } from './oracles/oracle';
import { ProjectDirectory } from './project-directory';
import { formatResultsSummary, formatTrialEnd } from './results-summary';
import { runTrial, type TrialResult } from './run-trial';
import type { Trial } from './trial';
import { restoreSnapshot, type WeightsSnapshot } from './weights-snapshot';

/** Options every tuner takes (KerasTuner's `Tuner` keyword arguments). */
export interface TunerOptions {
  /** Models built and trained per trial; the score is their average (1). */
  executionsPerTrial?: number;
  /** The folder holding projects; without it nothing is written (in memory only, as in a browser). */
  directory?: string;
  /** The project's folder name (`untitled_project`). */
  projectName?: string;
  /** Start over, deleting a saved project (false: resume it, never repeating a finished trial). */
  overwrite?: boolean;
}

/** The option keys of {@link TunerOptions}, for the tuners' own option checks. */
export const TUNER_KEYS = optionKeys<TunerOptions>({ executionsPerTrial: true, directory: true, projectName: true, overwrite: true });

/** Splits a tuner's options into the tuner's and the oracle's, refusing unknown keys. */
export function splitTunerOptions<O extends object>(options: O & TunerOptions, oracleKeys: readonly string[], owner: string): { tuner: TunerOptions; oracle: O } {
  checkOptionKeys(options, [...TUNER_KEYS, ...oracleKeys], owner);
  const tuner: TunerOptions = {};
  const oracle: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) (TUNER_KEYS.includes(key) ? (tuner as Record<string, unknown>) : oracle)[key] = value;
  return { tuner, oracle: oracle as O };
}

/**
 * The search loop shared by every tuner, as KerasTuner's `Tuner`: ask the oracle for a trial,
 * build the model from its hyperparameters, fit it (`executionsPerTrial` times), report the best
 * epoch's objective back, save the project, repeat until the oracle stops.
 */
export class Tuner {
  /** The model-building function. */
  readonly buildModel: BuildModel;
  /** The project directory, when one was given. */
  readonly project: ProjectDirectory | undefined;
  readonly executionsPerTrial: number;
  private readonly weights = new Map<string, WeightsSnapshot>();
  private readonly overwrite: boolean;
  private loaded = false;

  constructor(hypermodel: BuildModel | HyperModel, readonly oracle: Oracle, options: TunerOptions = {}) {
    this.buildModel = toBuildModel(hypermodel);
    const executions = options.executionsPerTrial ?? 1;
    if (!Number.isInteger(executions) || executions < 1) throw new RangeError(`Expected executionsPerTrial to be a positive integer, received ${describeValue(executions)}`);
    this.executionsPerTrial = executions;
    this.overwrite = options.overwrite ?? false;
    this.project = options.directory === undefined ? undefined : new ProjectDirectory(options.directory, options.projectName ?? 'untitled_project');
  }

  /**
   * Loads the saved project (or clears it with `overwrite`) and learns the space by building once
   * with the default values; `search` calls it, a distributed chief too.
   */
  async reloadOrStart(): Promise<void> {
    if (this.loaded) return;
    // A saved project holds the space; a new one learns it from a build with the defaults.
    this.loaded = true;
    if (this.project !== undefined) {
      if (this.overwrite) this.project.clear();
      const state = this.project.readOracle();
      if (state !== undefined) return this.oracle.setState(state);
    }
    const hp = this.oracle.hyperparameters.copy();
    const model = await this.buildModel(hp);
    model.dispose();
    this.oracle.updateSpace(hp);
  }

  /**
   * Runs the search: `x`, `y` and `fitOptions` go to every trial's `fit` (callbacks are copied per
   * execution, so EarlyStopping works per trial).
   *
   * @throws Error when the objective is never logged by fit
   */
  async search(x: ModelData, y?: TargetData | FitOptions, fitOptions: FitOptions = {}): Promise<void> {
    const targets = isFitOptions(y) ? undefined : y;
    const options = isFitOptions(y) ? y : fitOptions;
    await this.reloadOrStart();
    const started = Date.now();
    for (;;) {
      const trial = this.oracle.createTrial();
      if (trial.status !== 'RUNNING') break;
      this.saveOracle();
      const trialStarted = Date.now();
      const hp = this.oracle.trialHyperparameters(trial);
      const previous = trial.values['tuner/trial_id'];
      const start = previous === undefined ? {} : { weights: this.trialWeights(previous as string) };
      let result: TrialResult;
      try {
        result = await runTrial(this.buildModel, hp, this.oracle.objective, x, targets, options, this.executionsPerTrial, start);
      } catch (error) {
        this.recordFailure(trial, error);
        throw error;
      }
      this.oracle.updateSpace(hp);
      this.recordResult(trial.trialId, result);
      if (options.verbose !== 0) console.log(formatTrialEnd(this.oracle, trial, Date.now() - trialStarted, Date.now() - started));
    }
  }

  /** Records a completed trial: the oracle, its weights, the project files (what a chief does with a worker's report). */
  recordResult(trialId: string, result: TrialResult): Trial {
    const trial = this.oracle.endTrial(trialId, { status: 'COMPLETED', score: result.score, bestStep: result.bestStep, metrics: result.metrics });
    if (result.weights !== undefined) this.weights.set(trialId, result.weights);
    this.project?.writeTrial(trial, result.weights);
    this.saveOracle();
    return trial;
  }

  /** Records a failed trial (its message kept), so a resumed search does not retry it. */
  recordFailure(trial: Trial, error: unknown): void {
    this.oracle.endTrial(trial.trialId, { status: 'FAILED', message: String((error as Error)?.message ?? error) });
    this.project?.writeTrial(this.oracle.trials.get(trial.trialId)!);
    this.saveOracle();
  }

  /** Saves the oracle's state to the project directory. */
  saveOracle(): void {
    this.project?.writeOracle(this.oracle.getState());
  }

  /** A trial's best weights (from memory, else the project directory). */
  trialWeights(trialId: string): WeightsSnapshot | undefined {
    return this.weights.get(trialId) ?? this.project?.readWeights(trialId);
  }

  /** The hyperparameters of the best trials, best first (KerasTuner's `get_best_hyperparameters`). */
  getBestHyperparameters(count = 1): HyperParameters[] {
    return this.oracle.getBestTrials(count).map((trial) => this.oracle.trialHyperparameters(trial));
  }

  /**
   * The best trials' models, rebuilt with the weights of their best epoch (KerasTuner's
   * `get_best_models`); the caller disposes them.
   */
  async getBestModels(count = 1): Promise<Model[]> {
    const models: Model[] = [];
    for (const trial of this.oracle.getBestTrials(count)) {
      const model = await this.buildModel(this.oracle.trialHyperparameters(trial));
      const weights = this.trialWeights(trial.trialId);
      if (weights !== undefined) restoreSnapshot(model, weights);
      models.push(model);
    }
    return models;
  }

  /** Prints (and returns) the best trials as KerasTuner's `results_summary` prints them. */
  resultsSummary(numTrials = 10, print: ((text: string) => void) | null = console.log): string {
    const text = formatResultsSummary(this.oracle, this.project?.path ?? '<memory>', numTrials);
    print?.(text);
    return text;
  }
}

const FIT_OPTION_NAMES = new Set(['epochs', 'batchSize', 'verbose', 'callbacks', 'validationSplit', 'validationData', 'shuffle', 'classWeight', 'sampleWeight', 'initialEpoch', 'stepsPerEpoch', 'validationSteps', 'validationBatchSize', 'validationFreq']);

/** `search(dataset, fitOptions)` as `fit(dataset, options)`: an object whose keys are all fit options (named targets are not). */
function isFitOptions(value: unknown): value is FitOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => FIT_OPTION_NAMES.has(key));
}
