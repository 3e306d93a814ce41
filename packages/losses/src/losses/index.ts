/**
 * Keras's losses: a class and a function for each, `get` to resolve any identifier, and the
 * pieces a custom loss builds on.
 */
export { Loss, LossFunctionWrapper, type LossArgs } from './loss';
export { reduceWeightedValues, standardizeReduction, type Reduction, type ReductionArgument } from './reduction';
export { EPSILON } from './epsilon';
export { meanSquaredError, MeanSquaredError } from './mean-squared-error';
export { meanAbsoluteError, MeanAbsoluteError } from './mean-absolute-error';
export { meanAbsolutePercentageError, MeanAbsolutePercentageError } from './mean-absolute-percentage-error';
export { meanSquaredLogarithmicError, MeanSquaredLogarithmicError } from './mean-squared-logarithmic-error';
export { huber, Huber, type HuberOptions } from './huber';
export { logCosh, LogCosh } from './log-cosh';
export { binaryCrossentropy, BinaryCrossentropy, type CrossentropyOptions } from './binary-crossentropy';
export { categoricalCrossentropy, CategoricalCrossentropy } from './categorical-crossentropy';
export { binaryFocalCrossentropy, BinaryFocalCrossentropy, type BinaryFocalCrossentropyOptions } from './binary-focal-crossentropy';
export { categoricalFocalCrossentropy, CategoricalFocalCrossentropy, type CategoricalFocalCrossentropyOptions } from './categorical-focal-crossentropy';
export { sparseCategoricalCrossentropy, SparseCategoricalCrossentropy, sparseLabels, type SparseCrossentropyOptions } from './sparse-categorical-crossentropy';
export { hinge, squaredHinge, categoricalHinge, hingeLabels, Hinge, SquaredHinge, CategoricalHinge } from './hinge';
export { kullbackLeiblerDivergence, kld, klDivergence, KLDivergence } from './kl-divergence';
export { poisson, Poisson } from './poisson';
export { cosineSimilarity, CosineSimilarity, l2Normalize, type CosineSimilarityOptions } from './cosine-similarity';
export { mse, mae, mape, msle, MSE, MAE, MAPE, MSLE, KLD } from './aliases';
export { get, serialize, deserialize, registerLoss, lossFunctionName, isLossName, type LossClass, type LossFunction, type LossIdentifier, type LossName, type KerasLossName, type CustomLosses } from './get-loss';
export { validateLabels, type ValidateLabelsOptions } from './validate-labels';
export { alignShapes, alignWeights, checkTensor, type AlignShapesOptions } from '../utils/shapes';
