export { Loss, alignWeights, type LossArgs, type Reduction } from './loss';
export * from './loss-functions';
export {
  LossFunctionWrapper,
  MeanSquaredError,
  MeanAbsoluteError,
  MeanAbsolutePercentageError,
  MeanSquaredLogarithmicError,
  Huber,
  BinaryCrossentropy,
  CategoricalCrossentropy,
  SparseCategoricalCrossentropy,
  Hinge,
  SquaredHinge,
  CategoricalHinge,
  KLDivergence,
  Poisson,
  CosineSimilarity,
  LogCosh,
  get,
  serialize,
  lossFunctionName,
  type CrossentropyArgs,
  type LossIdentifier,
} from './loss-classes';
export { alignShapes } from './shapes';
export { validateLabels } from './validate-labels';
