import { probabilityToValue, valueToProbability } from '../hyperparameters/hyperparameter';
import { HyperParameters } from '../hyperparameters/hyperparameters';
import { GaussianProcess } from './gaussian-process';
import { Oracle, valuesKey, type OracleOptions, type Population } from './oracle';

/** Options of {@link BayesianOptimizationOracle}, KerasTuner's `BayesianOptimization` arguments. */
export interface BayesianOptimizationOptions extends OracleOptions {
  /** Random trials before the Gaussian process leads (3 × the number of hyperparameters, at least 3). */
  numInitialPoints?: number;
  /** Noise on the kernel's diagonal (1e-4). */
  alpha?: number;
  /** Exploration weight of the upper confidence bound (2.6). */
  beta?: number;
}

/** Candidate points scored by the acquisition for each trial (KerasTuner optimizes from random starts instead). */
const CANDIDATES = 512;

/**
 * KerasTuner's `BayesianOptimizationOracle`: random trials first, then a Gaussian process on the
 * completed trials (hyperparameters mapped into the unit cube) picks the point minimizing the lower
 * confidence bound `mean − beta·std` of the score to minimize (negated for a `max` objective).
 */
export class BayesianOptimizationOracle extends Oracle {
  readonly alpha: number;
  readonly beta: number;
  private readonly numInitialPoints: number | undefined;

  constructor(options: BayesianOptimizationOptions) {
    super(options);
    this.alpha = options.alpha ?? 1e-4;
    this.beta = options.beta ?? 2.6;
    this.numInitialPoints = options.numInitialPoints;
  }

  get kind(): string {
    return 'BayesianOptimization';
  }

  protected populateSpace(): Population {
    const tunable = this.hyperparameters.space.filter((definition) => definition.kind !== 'fixed');
    const initial = this.numInitialPoints ?? Math.max(3 * tunable.length, 3);
    const completed = [...this.trials.values()].filter((trial) => trial.status === 'COMPLETED' && Number.isFinite(trial.score));
    if (completed.length < initial || tunable.length === 0) {
      const values = this.randomValues();
      if (values !== undefined) return { status: 'RUNNING', values };
      return { status: this.ongoingTrials.length > 0 ? 'IDLE' : 'STOPPED' };
    }
    const sign = this.objective.direction === 'min' ? 1 : -1;
    const toVector = (values: Record<string, unknown>) => tunable.map((definition) => valueToProbability(definition, (values[definition.name] ?? definition.default) as never));
    const gp = new GaussianProcess(this.alpha).fit(completed.map((trial) => toVector(trial.values)), completed.map((trial) => sign * trial.score!));
    let best: { acquisition: number; values: Record<string, unknown> } | undefined;
    for (let candidate = 0; candidate < CANDIDATES; candidate++) {
      const hp = new HyperParameters();
      for (const definition of this.hyperparameters.space) {
        hp.merge([definition]);
        if (hp.isActive(definition)) hp.values[definition.name] = probabilityToValue(definition, this.draw());
      }
      const values = hp.activeValues();
      if (this.triedSoFar.has(valuesKey(values))) continue;
      const { mean, std } = gp.predict(toVector(values));
      const acquisition = mean - this.beta * std;
      if (best === undefined || acquisition < best.acquisition) best = { acquisition, values };
    }
    if (best === undefined) return { status: this.ongoingTrials.length > 0 ? 'IDLE' : 'STOPPED' };
    this.triedSoFar.add(valuesKey(best.values as never));
    return { status: 'RUNNING', values: best.values as never };
  }
}
