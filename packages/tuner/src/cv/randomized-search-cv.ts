import { createRandom, tf } from '@dendrite/backend';
import { checkOptionKeys, describeValue, optionKeys } from '@dendrite/backend/internal';
import type { FitOptions, ModelData, TargetData } from '@dendrite/models';
import type { Distribution } from './distributions';
import type { KerasEstimator } from './keras-estimator';
import { kFold, type Split } from './k-fold';
import { stratifiedKFold } from './stratified-k-fold';
import { rowCount, rowLabels, takeRows } from './take-rows';

/** Per parameter: a list to pick from uniformly, or a distribution to draw from. */
export type ParamDistributions<P> = { [K in keyof P]?: readonly P[K][] | Distribution };

/** Options of {@link randomizedSearchCV}, scikit-learn's `RandomizedSearchCV` arguments. */
export interface RandomizedSearchCVOptions<P extends object> {
  /** The estimator to tune ({@link kerasRegressor}, {@link kerasClassifier}). */
  estimator: KerasEstimator<P>;
  /** Where each parameter is sampled from (`param_distributions`). */
  distributions: ParamDistributions<P>;
  /** Parameter settings to try (10). */
  nIter?: number;
  /** Folds (5): a number (K-fold for a regressor, stratified for a classifier) or the splits. */
  cv?: number | Split[];
  /** Seed of the sampling (`random_state`). */
  seed?: number;
  /** Refit the best parameters on all the data into {@link RandomizedSearchCV.bestEstimator} (true). */
  refit?: boolean;
  /** 0 silent, 1 the number of fits, 2 one line per fit. */
  verbose?: 0 | 1 | 2;
}

/** scikit-learn's `cv_results_`, camelCased: one entry per candidate. */
export interface CvResults<P> {
  params: Array<Partial<P>>;
  splitTestScores: number[][];
  meanTestScore: number[];
  stdTestScore: number[];
  rankTestScore: number[];
  meanFitTime: number[];
}

const SEARCH_KEYS = optionKeys<RandomizedSearchCVOptions<object>>({ estimator: true, distributions: true, nIter: true, cv: true, seed: true, refit: true, verbose: true });

/** The candidates, as scikit-learn's `ParameterSampler`: without replacement from the grid when every entry is a list. */
export function sampleParameters<P>(distributions: ParamDistributions<P>, nIter: number, random: () => number): Array<Partial<P>> {
  const names = Object.keys(distributions).sort() as Array<keyof P & string>;
  const entries = names.map((name) => distributions[name]!);
  if (entries.every((entry) => Array.isArray(entry))) {
    const lists = entries as unknown[][];
    const total = lists.reduce((product, list) => product * list.length, 1);
    const picked = new Set<number>();
    const candidates: Array<Partial<P>> = [];
    while (candidates.length < Math.min(nIter, total)) {
      const index = Math.floor(random() * total);
      if (picked.has(index)) continue;
      picked.add(index);
      let rest = index;
      const params: Record<string, unknown> = {};
      for (let i = names.length - 1; i >= 0; i--) {
        params[names[i]] = lists[i][rest % lists[i].length];
        rest = Math.floor(rest / lists[i].length);
      }
      candidates.push(params as Partial<P>);
    }
    return candidates;
  }
  return Array.from({ length: nIter }, () => {
    const params: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const entry = entries[i];
      params[name] = Array.isArray(entry) ? entry[Math.floor(random() * entry.length)] : (entry as Distribution).rvs(random);
    });
    return params as Partial<P>;
  });
}

/**
 * scikit-learn's `RandomizedSearchCV` over a Keras estimator: `nIter` sampled parameter settings,
 * each scored by cross-validation (mean of the folds' `score`), the best refit on all the data.
 *
 * @example see {@link randomizedSearchCV}
 */
export class RandomizedSearchCV<P extends object> {
  /** The best parameters (`best_params_`). */
  bestParams: Partial<P> | undefined;
  /** Their mean cross-validated score (`best_score_`). */
  bestScore: number | undefined;
  /** The estimator refit on all the data with them (`best_estimator_`). */
  bestEstimator: KerasEstimator<P> | undefined;
  /** Every candidate's scores (`cv_results_`). */
  cvResults: CvResults<P> | undefined;
  private readonly options: RandomizedSearchCVOptions<P>;

  constructor(options: RandomizedSearchCVOptions<P>) {
    checkOptionKeys(options, SEARCH_KEYS, 'RandomizedSearchCV');
    const nIter = options.nIter ?? 10;
    if (!Number.isInteger(nIter) || nIter < 1) throw new RangeError(`Expected nIter to be a positive integer in RandomizedSearchCV, received ${describeValue(nIter)}`);
    this.options = options;
  }

  /**
   * Runs the search; `fitOptions` go to every fit (callbacks such as EarlyStopping included).
   *
   * @returns this, as scikit-learn's `fit`
   */
  async fit(x: ModelData, y: TargetData, fitOptions: FitOptions = {}): Promise<this> {
    const { estimator, verbose = 0 } = this.options;
    const candidates = sampleParameters(this.options.distributions, this.options.nIter ?? 10, createRandom(this.options.seed));
    const cv = this.options.cv ?? 5;
    const splits = Array.isArray(cv) ? cv : estimator.estimatorType === 'classifier' ? stratifiedKFold(rowLabels(y), { nSplits: cv }) : kFold(rowCount(x), { nSplits: cv });
    if (verbose >= 1) console.log(`Fitting ${splits.length} folds for each of ${candidates.length} candidates, totalling ${splits.length * candidates.length} fits`);
    const results: CvResults<P> = { params: candidates, splitTestScores: [], meanTestScore: [], stdTestScore: [], rankTestScore: [], meanFitTime: [] };
    for (const params of candidates) {
      const scores: number[] = [];
      let fitTime = 0;
      for (const split of splits) {
        const parts = [takeRows(x, split.train), takeRows(y, split.train), takeRows(x, split.test), takeRows(y, split.test)] as const;
        const fold = estimator.clone({ ...estimator.getParams(), ...params });
        try {
          const start = performance.now();
          await fold.fit(parts[0], parts[1], fitOptions);
          fitTime += (performance.now() - start) / 1000;
          scores.push(await fold.score(parts[2], parts[3]));
          if (verbose >= 2) console.log(`[CV] END ${Object.entries(params).map(([name, value]) => `${name}=${value}`).join(', ')}; total time=${((performance.now() - start) / 1000).toFixed(1).padStart(6)}s`);
        } finally {
          fold.dispose();
          tf.dispose(parts.filter((part): part is never => part instanceof tf.Tensor));
        }
      }
      const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
      results.splitTestScores.push(scores);
      results.meanTestScore.push(mean);
      results.stdTestScore.push(Math.sqrt(scores.reduce((sum, score) => sum + (score - mean) ** 2, 0) / scores.length));
      results.meanFitTime.push(fitTime / splits.length);
    }
    // Rank 1 is the best mean; ties share the lowest rank ("min"), as scikit-learn.
    results.rankTestScore = results.meanTestScore.map((score) => 1 + results.meanTestScore.filter((other) => other > score).length);
    const best = results.rankTestScore.indexOf(1);
    this.cvResults = results;
    this.bestParams = candidates[best];
    this.bestScore = results.meanTestScore[best];
    if (this.options.refit !== false) {
      this.bestEstimator?.dispose();
      this.bestEstimator = estimator.clone({ ...estimator.getParams(), ...this.bestParams });
      await this.bestEstimator.fit(x, y, fitOptions);
    }
    return this;
  }

  /** The best estimator's score on (x, y) (`rnd_search_cv.score(X_test, y_test)`). */
  score(x: ModelData, y: TargetData): Promise<number> {
    return this.refitted('score').score(x, y);
  }

  /** The best estimator's predictions (the caller disposes the tensor). */
  predict(x: ModelData): tf.Tensor {
    return this.refitted('predict').predict(x);
  }

  /** Frees the best estimator's model. */
  dispose(): void {
    this.bestEstimator?.dispose();
  }

  private refitted(method: string): KerasEstimator<P> {
    if (this.bestEstimator === undefined) throw new Error(`Expected ${method}() after fit() with refit: true on RandomizedSearchCV, received no best estimator`);
    return this.bestEstimator;
  }
}

/**
 * scikit-learn's `RandomizedSearchCV(estimator, param_distributions, n_iter, cv)`.
 *
 * @example
 * ```ts
 * const search = randomizedSearchCV({
 *   estimator: kerasRegressor(buildModel),
 *   distributions: { nHidden: [0, 1, 2, 3], nNeurons: range(1, 100), learningRate: reciprocal(3e-4, 3e-2) },
 *   nIter: 10, cv: 3, seed: 42,
 * });
 * await search.fit(xTrain, yTrain, { epochs: 100, validationData: [xValid, yValid], callbacks: [earlyStopping({ patience: 10 })] });
 * search.bestParams; search.bestScore; await search.score(xTest, yTest);
 * ```
 */
export function randomizedSearchCV<P extends object>(options: RandomizedSearchCVOptions<P>): RandomizedSearchCV<P> {
  return new RandomizedSearchCV(options);
}
