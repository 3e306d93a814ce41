/**
 * Image preprocessing and augmentation layers, as Keras's: Rescaling, Resizing and CenterCrop
 * always act; the random ones (RandomFlip, RandomRotation, RandomZoom, RandomTranslation,
 * RandomContrast) act only in training.
 *
 * @packageDocumentation
 */
export { Rescaling, rescaling, type RescalingArgs } from './rescaling';
export { Resizing, resizing, type ResizingArgs } from './resizing';
export { CenterCrop, centerCrop, type CenterCropArgs } from './center-crop';
export { SizedImageLayer, type SizedImageArgs } from './sized-image-layer';
export { RandomImageLayer, type RandomImageArgs } from './random-image-layer';
export { RandomAffineLayer, type RandomAffineArgs } from './random-affine-layer';
export { RandomRotation, randomRotation, type RandomRotationArgs } from './random-rotation';
export { RandomZoom, randomZoom, type RandomZoomArgs } from './random-zoom';
export { RandomTranslation, randomTranslation, type RandomTranslationArgs } from './random-translation';
export { RandomFlip, randomFlip, type RandomFlipArgs, type FlipMode } from './random-flip';
export { RandomContrast, randomContrast, type RandomContrastArgs } from './random-contrast';
export type { LayerFillMode, ImageInterpolation } from './image-preprocessing';
