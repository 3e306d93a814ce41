/**
 * Regularization layers: Dropout, its spatial forms, and the noise layers; all are the identity
 * outside training.
 *
 * @packageDocumentation
 */
export { Dropout, dropout, type DropoutArgs } from './dropout';
export { SpatialDropout1D, SpatialDropout2D, spatialDropout1d, spatialDropout2d, type SpatialDropout1DArgs, type SpatialDropout2DArgs } from './spatial-dropout';
export { GaussianNoise, gaussianNoise, type GaussianNoiseArgs } from './gaussian-noise';
export { GaussianDropout, gaussianDropout, type GaussianDropoutArgs } from './gaussian-dropout';
export { AlphaDropout, alphaDropout, type AlphaDropoutArgs } from './alpha-dropout';
export { type RandomStateful, type LayerRandomStates, isRandomStateful } from './random-stateful';
