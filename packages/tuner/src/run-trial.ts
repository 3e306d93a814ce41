import { Callback, type Logs } from '@dendrite/callbacks';
import type { FitOptions, Model, ModelData, TargetData } from '@dendrite/models';
import type { BuildModel } from './hyper-model';
import type { HyperParameters } from './hyperparameters/hyperparameters';
import type { Objective } from './objective';
import { restoreSnapshot, takeSnapshot, type WeightsSnapshot } from './weights-snapshot';

/** What one trial's executions measured. */
export interface TrialResult {
  /** The objective at each execution's best epoch, averaged. */
  score: number;
  /** The best epoch (0-based) of the best execution. */
  bestStep: number;
  /** Every logged metric at each execution's best epoch, averaged. */
  metrics: Record<string, number>;
  /** The weights at the best epoch of the best execution. */
  weights: WeightsSnapshot | undefined;
}

/** Keeps the weights of the epoch where the objective is best (KerasTuner saves a checkpoint there). */
class BestEpoch extends Callback {
  best: { value: number; epoch: number; logs: Logs; weights?: WeightsSnapshot } | undefined;

  constructor(private readonly objective: Objective, private readonly keepWeights: boolean) {
    super();
  }

  override async onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    const value = logs[this.objective.name];
    if (typeof value !== 'number' || Number.isNaN(value)) return;
    if (this.best !== undefined && !this.objective.better(value, this.best.value)) return;
    this.best = { value, epoch, logs: { ...logs }, weights: this.keepWeights ? await takeSnapshot(this.model as unknown as Model) : undefined };
  }
}

/** A copy of a callback for one execution, as KerasTuner deep-copies them (each keeps its own state). */
function copyCallback(callback: Callback): Callback {
  return Object.assign(Object.create(Object.getPrototypeOf(callback) as object) as Callback, callback);
}

/** Where a trial starts from: Hyperband's later rounds resume the weights of an earlier trial. */
export interface TrialStart {
  /** Weights to load after building. */
  weights?: WeightsSnapshot;
}

/**
 * Builds and trains a trial's model `executions` times (KerasTuner's `run_trial` of a
 * multi-execution tuner) and reports the averaged best-epoch metrics. Hyperband's `tuner/epochs`
 * and `tuner/initial_epoch` set `epochs` and `initialEpoch`. Every model is disposed.
 *
 * @throws Error when no epoch logged the objective (naming the logged metrics)
 */
export async function runTrial(
  buildModel: BuildModel,
  hp: HyperParameters,
  objective: Objective,
  x: ModelData,
  y: TargetData | undefined,
  fitOptions: FitOptions,
  executions: number,
  start: TrialStart = {},
): Promise<TrialResult> {
  const results: BestEpoch[] = [];
  let logged: string[] = [];
  for (let execution = 0; execution < executions; execution++) {
    const model = await buildModel(hp);
    try {
      if (start.weights !== undefined) restoreSnapshot(model, start.weights);
      const tracker = new BestEpoch(objective, true);
      const options: FitOptions = { ...fitOptions, callbacks: [...(fitOptions.callbacks ?? []).map(copyCallback), tracker] };
      if (hp.values['tuner/epochs'] !== undefined) {
        options.epochs = hp.values['tuner/epochs'] as number;
        options.initialEpoch = hp.values['tuner/initial_epoch'] as number;
      }
      const history = y === undefined ? await model.fit(x, options) : await model.fit(x, y, options);
      logged = Object.keys(history.history);
      if (tracker.best !== undefined) results.push(tracker.best as never);
    } finally {
      model.dispose();
    }
  }
  const bests = results as unknown as Array<NonNullable<BestEpoch['best']>>;
  if (bests.length === 0) throw new Error(`Expected fit to log the objective "${objective.name}", received only ${logged.join(', ') || 'no metric'} (pass validationData or validationSplit for val_ metrics)`);
  const metrics: Record<string, number> = {};
  for (const name of Object.keys(bests[0].logs)) {
    const values = bests.map((best) => best.logs[name]).filter((value): value is number => typeof value === 'number');
    metrics[name] = values.reduce((sum, value) => sum + value, 0) / values.length;
  }
  const bestExecution = bests.reduce((a, b) => (objective.better(b.value, a.value) ? b : a));
  return { score: bests.reduce((sum, best) => sum + best.value, 0) / bests.length, bestStep: bestExecution.epoch, metrics, weights: bestExecution.weights };
}
