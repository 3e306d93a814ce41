import { optionKeys } from '@dendrite/backend/internal';
import type { BuildModel, HyperModel } from './hyper-model';
import { BayesianOptimizationOracle, type BayesianOptimizationOptions } from './oracles/bayesian-optimization-oracle';
import { GridSearchOracle } from './oracles/grid-search-oracle';
import { HyperbandOracle, type HyperbandOptions } from './oracles/hyperband-oracle';
import type { OracleOptions } from './oracles/oracle';
import { RandomSearchOracle } from './oracles/random-search-oracle';
import { splitTunerOptions, Tuner, type TunerOptions } from './tuner';

const ORACLE_KEYS = optionKeys<OracleOptions>({ objective: true, maxTrials: true, seed: true, hyperparameters: true });
const HYPERBAND_KEYS = optionKeys<HyperbandOptions>({ objective: true, maxTrials: true, seed: true, hyperparameters: true, maxEpochs: true, factor: true, hyperbandIterations: true });
const BAYESIAN_KEYS = optionKeys<BayesianOptimizationOptions>({ objective: true, maxTrials: true, seed: true, hyperparameters: true, numInitialPoints: true, alpha: true, beta: true });

/** Options of {@link RandomSearch} and {@link GridSearch}. */
export type SearchOptions = OracleOptions & TunerOptions;

/**
 * KerasTuner's `RandomSearch`: `maxTrials` trials of random values.
 *
 * @example
 * ```ts
 * const tuner = new RandomSearch(buildModel, { objective: 'val_loss', maxTrials: 10, seed: 42, directory: 'tuning', projectName: 'housing' });
 * await tuner.search(x, y, { epochs: 20, validationData: [xValid, yValid], callbacks: [earlyStopping({ patience: 3 })] });
 * const [best] = await tuner.getBestModels(1);
 * ```
 * @throws TypeError for an unknown option; RangeError for an objective whose direction is unknown
 */
export class RandomSearch extends Tuner {
  constructor(hypermodel: BuildModel | HyperModel, options: SearchOptions) {
    const { tuner, oracle } = splitTunerOptions(options, ORACLE_KEYS, 'RandomSearch');
    super(hypermodel, new RandomSearchOracle(oracle), tuner);
  }
}

/** KerasTuner's `GridSearch`: every combination of the space's values in order (floats need a step). */
export class GridSearch extends Tuner {
  constructor(hypermodel: BuildModel | HyperModel, options: SearchOptions) {
    const { tuner, oracle } = splitTunerOptions(options, ORACLE_KEYS, 'GridSearch');
    super(hypermodel, new GridSearchOracle(oracle), tuner);
  }
}

/** KerasTuner's `Hyperband`: successive halving in brackets; later rounds resume earlier trials' weights. */
export class Hyperband extends Tuner {
  constructor(hypermodel: BuildModel | HyperModel, options: HyperbandOptions & TunerOptions) {
    const { tuner, oracle } = splitTunerOptions(options, HYPERBAND_KEYS, 'Hyperband');
    super(hypermodel, new HyperbandOracle(oracle), tuner);
  }
}

/** KerasTuner's `BayesianOptimization`: a Gaussian process picks each trial after a few random ones. */
export class BayesianOptimization extends Tuner {
  constructor(hypermodel: BuildModel | HyperModel, options: BayesianOptimizationOptions & TunerOptions) {
    const { tuner, oracle } = splitTunerOptions(options, BAYESIAN_KEYS, 'BayesianOptimization');
    super(hypermodel, new BayesianOptimizationOracle(oracle), tuner);
  }
}
