/**
 * @dendrite/augment: Keras's `ImageDataGenerator` — random affine transforms, flips, channel
 * shifts and brightness run on the backend batch by batch — with `flow` over arrays and
 * `flowFromDirectory` over class folders of PNG, JPEG, BMP and PPM files, both fed to `model.fit`
 * as they are. The augmentation layers (`randomFlip`, `randomRotation`, …) live in
 * `@dendrite/layers`, where Keras keeps them.
 *
 * @packageDocumentation
 */
export { ImageDataGenerator, imageDataGenerator, type FitStatisticsOptions } from './image-data-generator';
export type { ImageDataGeneratorOptions, FillMode, ShiftRange, ResolvedOptions } from './generator-options';
export { ImageIterator, type ImageBatch, type FlowOptions, type BatchAugmenter } from './image-iterator';
export { ArrayIterator, type ArrayFlowOptions } from './array-iterator';
export { DirectoryIterator, type DirectoryFlowOptions, type ClassMode } from './directory-iterator';
export { type TransformParameters, IDENTITY_PARAMETERS, transformMatrix } from './affine';
/** The (row, column) matrix helpers, from @dendrite/backend (where the image layers share them). */
export { type Matrix3, isIdentityMatrix as isIdentity, toTfTransform } from '@dendrite/backend/internal';
export { applyTransforms } from './apply-transforms';
export { decodeImage, type DecodedImage } from './decode-image';
export { decodeBmp } from './decode-bmp';
export { loadImage, toArray as imageToArray, type ColorMode, type LoadImageOptions } from './load-image';
export { listImageFiles, IMAGE_EXTENSIONS, type ImageFileList, type ListImageFilesOptions } from './list-image-files';
export type { ArrayInput, HostArray } from './image-array';
export type { FeatureStatistics } from './featurewise-tensors';
