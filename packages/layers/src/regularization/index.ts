export { Dropout, dropout, type DropoutArgs } from './dropout';
export { GaussianNoise, GaussianDropout, AlphaDropout, SpatialDropout1D, SpatialDropout2D, gaussianNoise, gaussianDropout, alphaDropout, spatialDropout1d, spatialDropout2d } from './noise-layers';
