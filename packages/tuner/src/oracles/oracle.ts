import { createRandom, random } from '@dendrite/backend';
import { describeValue } from '@dendrite/backend/internal';
import { probabilityToValue, type HyperParameterValue } from '../hyperparameters/hyperparameter';
import { HyperParameters } from '../hyperparameters/hyperparameters';
import { Objective, toObjective, type Direction } from '../objective';
import { trialId, type Trial } from '../trial';

/** What {@link Oracle.populateSpace} decides for the next trial. */
export type Population = { status: 'RUNNING'; values: Record<string, HyperParameterValue> } | { status: 'IDLE' | 'STOPPED' };

/** Options every oracle takes. */
export interface OracleOptions {
  /** A metric name (direction inferred as Keras does) or an {@link Objective}. */
  objective: string | Objective | { name: string; direction: Direction };
  /** The most trials to create (unbounded for Hyperband when omitted). */
  maxTrials?: number;
  /** Seed of the sampling (when omitted, one drawn from Dendrite's stream, which `setSeed` repeats). */
  seed?: number;
  /** A space declared in advance (values override the defaults). */
  hyperparameters?: HyperParameters;
}

/** An oracle's saved state: `oracle.json` in the project directory. */
export interface OracleState {
  /** The oracle class, checked on reload. */
  kind: string;
  seed: number;
  seedState: number;
  triedSoFar: string[];
  trials: Trial[];
  space: HyperParameters['space'];
  /** What the subclass keeps (Hyperband's brackets). */
  extra?: unknown;
}

/** The number KerasTuner retries a sample that was already tried before giving up. */
const MAX_COLLISIONS = 20;

/**
 * Decides which hyperparameter values each trial tries, as KerasTuner's `Oracle`: it keeps the
 * space, the trials and their scores, and its whole state is plain JSON (saved after every change,
 * so a killed search resumes where it was).
 */
export abstract class Oracle {
  /** What the search optimizes. */
  readonly objective: Objective;
  /** The most trials (undefined: until the oracle stops). */
  readonly maxTrials: number | undefined;
  /** The space, learned from each build. */
  readonly hyperparameters: HyperParameters;
  /** The trials, by id, in creation order. */
  readonly trials = new Map<string, Trial>();
  protected seed: number;
  protected seedState: number;
  protected triedSoFar = new Set<string>();
  /** Trials that were running when a killed search stopped: handed out again first, same id and values. */
  private readonly interrupted: string[] = [];

  constructor(options: OracleOptions) {
    this.objective = toObjective(options.objective);
    if (options.maxTrials !== undefined && (!Number.isInteger(options.maxTrials) || options.maxTrials < 1)) {
      throw new RangeError(`Expected maxTrials to be a positive integer, received ${describeValue(options.maxTrials)}`);
    }
    this.maxTrials = options.maxTrials;
    // From Dendrite's stream (Math.random without a seed): setSeed repeats a search given no seed, as
    // KerasTuner's random.randint(1, 10000) follows keras.utils.set_random_seed.
    this.seed = options.seed ?? 1 + Math.floor(random() * 10000);
    this.seedState = this.seed;
    this.hyperparameters = options.hyperparameters?.copy() ?? new HyperParameters();
  }

  /** The class name saved in the state. */
  abstract get kind(): string;

  /** The values of the next trial, or IDLE (wait for running trials) or STOPPED. */
  protected abstract populateSpace(trialId: string): Population;

  /** Trials still running. */
  get ongoingTrials(): Trial[] {
    return [...this.trials.values()].filter((trial) => trial.status === 'RUNNING');
  }

  /** Adds hyperparameters a build declared that the space does not hold yet. */
  updateSpace(hp: HyperParameters): void {
    this.hyperparameters.merge(hp.space);
  }

  /**
   * The next trial: RUNNING with its values, or a trial whose status says IDLE or STOPPED.
   */
  createTrial(): Trial {
    const resumed = this.interrupted.shift();
    if (resumed !== undefined) return this.trials.get(resumed)!;
    const id = trialId(this.trials.size, this.maxTrials);
    if (this.maxTrials !== undefined && this.trials.size >= this.maxTrials) return { trialId: id, values: {}, space: [], status: 'STOPPED' };
    const population = this.populateSpace(id);
    if (population.status !== 'RUNNING') return { trialId: id, values: {}, space: [], status: population.status };
    const trial: Trial = { trialId: id, values: population.values, space: [...this.hyperparameters.space], status: 'RUNNING' };
    this.trials.set(id, trial);
    return trial;
  }

  /**
   * Records a trial's result (COMPLETED with a score, or FAILED/INVALID).
   *
   * @throws RangeError for an unknown trial
   */
  endTrial(id: string, result: Pick<Trial, 'status' | 'score' | 'bestStep' | 'metrics' | 'message'>): Trial {
    const trial = this.trials.get(id);
    if (trial === undefined) throw new RangeError(`Expected a trial of this oracle, received "${id}"`);
    Object.assign(trial, result);
    return trial;
  }

  /** The completed trials, best first. */
  getBestTrials(count = 1): Trial[] {
    const completed = [...this.trials.values()].filter((trial) => trial.status === 'COMPLETED' && trial.score !== undefined && Number.isFinite(trial.score));
    completed.sort((a, b) => (this.objective.direction === 'min' ? a.score! - b.score! : b.score! - a.score!));
    return completed.slice(0, count);
  }

  /** The hyperparameters of a trial, as a {@link HyperParameters} to build the model from. */
  trialHyperparameters(trial: Trial): HyperParameters {
    const hp = new HyperParameters();
    hp.merge(trial.space.length > 0 ? trial.space : this.hyperparameters.space);
    hp.values = { ...trial.values };
    return hp;
  }

  /** Random values for every active hyperparameter, never a set tried before (KerasTuner's `_random_values`). */
  protected randomValues(): Record<string, HyperParameterValue> | undefined {
    for (let collisions = 0; collisions <= MAX_COLLISIONS; collisions++) {
      const hp = new HyperParameters();
      for (const definition of this.hyperparameters.space) {
        hp.merge([definition]);
        if (hp.isActive(definition)) hp.values[definition.name] = probabilityToValue(definition, this.draw());
      }
      const values = hp.activeValues();
      const key = valuesKey(values);
      if (this.triedSoFar.has(key)) continue;
      this.triedSoFar.add(key);
      return values;
    }
    return undefined;
  }

  /** One draw in [0, 1), from a generator seeded with the running seed state (KerasTuner's `random_sample(seed)`). */
  protected draw(): number {
    return createRandom(this.seedState++ >>> 0)();
  }

  /** The whole state, as JSON-able data. */
  getState(): OracleState {
    return { kind: this.kind, seed: this.seed, seedState: this.seedState, triedSoFar: [...this.triedSoFar], trials: [...this.trials.values()].map((trial) => ({ ...trial })), space: [...this.hyperparameters.space] };
  }

  /**
   * Restores a saved state; trials that were RUNNING are handed out again before any new one.
   *
   * @throws TypeError when the state was saved by another kind of oracle
   */
  setState(state: OracleState): void {
    if (state.kind !== this.kind) throw new TypeError(`Expected the saved state of a ${this.kind} oracle, received one of ${state.kind}: use overwrite: true or another project name`);
    this.seed = state.seed;
    this.seedState = state.seedState;
    this.triedSoFar = new Set(state.triedSoFar);
    this.trials.clear();
    for (const trial of state.trials) this.trials.set(trial.trialId, { ...trial });
    this.hyperparameters.merge(state.space);
    this.interrupted.length = 0;
    this.interrupted.push(...this.ongoingTrials.map((trial) => trial.trialId));
  }
}

/** A stable key of a set of values (sorted names), to tell tried sets apart. */
export function valuesKey(values: Record<string, HyperParameterValue>): string {
  return JSON.stringify(Object.keys(values).filter((name) => !name.startsWith('tuner/')).sort().map((name) => [name, values[name]]));
}
