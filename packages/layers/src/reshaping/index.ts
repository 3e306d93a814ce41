export { Flatten, Reshape, Permute, RepeatVector, flatten, reshape, permute, repeatVector } from './reshaping-layers';
export { ZeroPadding2D, Cropping2D, UpSampling2D, zeroPadding2d, cropping2d, upSampling2d } from './spatial-layers';
