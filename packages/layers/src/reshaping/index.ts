/**
 * Reshaping layers: Flatten, Reshape, Permute, RepeatVector, and the spatial ZeroPadding,
 * Cropping and UpSampling layers in 1-D and 2-D (channels last).
 *
 * @packageDocumentation
 */
export { Flatten, flatten, type FlattenArgs } from './flatten';
export { Reshape, reshape, type ReshapeArgs } from './reshape';
export { Permute, permute, type PermuteArgs } from './permute';
export { RepeatVector, repeatVector, type RepeatVectorArgs } from './repeat-vector';
export { ZeroPadding1D, zeroPadding1d, type ZeroPadding1DArgs } from './zero-padding1d';
export { ZeroPadding2D, zeroPadding2d, type ZeroPadding2DArgs } from './zero-padding2d';
export { Cropping1D, cropping1d, type Cropping1DArgs } from './cropping1d';
export { Cropping2D, cropping2d, type Cropping2DArgs } from './cropping2d';
export { UpSampling1D, upSampling1d, type UpSampling1DArgs } from './up-sampling1d';
export { UpSampling2D, upSampling2d, type UpSampling2DArgs } from './up-sampling2d';
export type { PaddingPair } from './spatial-arguments';
