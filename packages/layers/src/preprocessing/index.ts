/**
 * Image preprocessing and augmentation layers, as Keras's: Rescaling, Resizing and CenterCrop
 * always act; the random ones (RandomFlip, RandomRotation, RandomZoom, RandomTranslation,
 * RandomContrast) act only in training. The data layers learn from data with `adapt`:
 * Normalization, Discretization, StringLookup, IntegerLookup, TextVectorization; CategoryEncoding
 * and Hashing need no learning.
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
export { Normalization, normalization, type NormalizationArgs } from './normalization';
export { Discretization, discretization, type DiscretizationArgs } from './discretization';
export { CategoryEncoding, categoryEncoding, type CategoryEncodingArgs } from './category-encoding';
export { Hashing, hashing, type HashingArgs } from './hashing';
export { IndexLookup, type IndexLookupArgs, type Token } from './index-lookup';
export { StringLookup, stringLookup, type StringLookupArgs } from './string-lookup';
export { IntegerLookup, integerLookup, type IntegerLookupArgs } from './integer-lookup';
export { TextVectorization, textVectorization, type TextVectorizationArgs } from './text-vectorization';
export type { StandardizeMode, SplitMode } from './text-tokenize';
export type { CategoricalOutputMode } from './encode-categorical';
export type { AdaptData, NestedValues, PreprocessingInput } from './preprocessing-input';
export { fingerprint64 } from './farmhash-fingerprint64';
