/**
 * @dendrite/tuner: KerasTuner's hyperparameter search — `HyperParameters`, `RandomSearch`,
 * `GridSearch`, `Hyperband`, `BayesianOptimization`, a resumable project directory — and
 * scikit-learn's cross-validation and `RandomizedSearchCV` for Keras models. Trials scale out over
 * workers through BullMQ on Redis: see `@dendrite/tuner/distributed` and the `dendrite-tuner` command.
 *
 * @packageDocumentation
 */
export { HyperParameters, type IntOptions, type FloatOptions, type ChoiceOptions, type BooleanOptions } from './hyperparameters/hyperparameters';
export {
  probabilityToValue, valueToProbability, gridValues, steppedValueCount,
  type HyperParameterDefinition, type HyperParameterValue, type Sampling, type Condition,
} from './hyperparameters/hyperparameter';
export { HyperModel, toBuildModel, type BuildModel } from './hyper-model';
export { Objective, inferDirection, toObjective, type Direction } from './objective';
export { trialId, type Trial, type TrialStatus } from './trial';
export { Oracle, valuesKey, type OracleOptions, type OracleState, type Population } from './oracles/oracle';
export { RandomSearchOracle } from './oracles/random-search-oracle';
export { GridSearchOracle } from './oracles/grid-search-oracle';
export { HyperbandOracle, type HyperbandOptions } from './oracles/hyperband-oracle';
export { BayesianOptimizationOracle, type BayesianOptimizationOptions } from './oracles/bayesian-optimization-oracle';
export { GaussianProcess, maternKernel, cholesky } from './oracles/gaussian-process';
export { Tuner, type TunerOptions } from './tuner';
export { RandomSearch, GridSearch, Hyperband, BayesianOptimization, type SearchOptions } from './tuners';
export { runTrial, type TrialResult, type TrialStart } from './run-trial';
export { ProjectDirectory } from './project-directory';
export { formatResultsSummary, formatTrialSummary } from './results-summary';
export { takeSnapshot, restoreSnapshot, encodeSnapshot, decodeSnapshot, type WeightsSnapshot } from './weights-snapshot';
export { kFold, type KFoldOptions, type Split } from './cv/k-fold';
export { stratifiedKFold } from './cv/stratified-k-fold';
export { takeRows, rowCount } from './cv/take-rows';
export { crossValidate, scoreModel, type CrossValidateOptions, type CrossValidateResult, type Scoring } from './cv/cross-validate';
export { KerasEstimator, KerasRegressor, KerasClassifier, kerasRegressor, kerasClassifier, type BuildFromParams } from './cv/keras-estimator';
export { reciprocal, loguniform, uniform, randint, type Distribution } from './cv/distributions';
export { RandomizedSearchCV, randomizedSearchCV, sampleParameters, type RandomizedSearchCVOptions, type ParamDistributions, type CvResults } from './cv/randomized-search-cv';
