/**
 * `dn.augment`: Keras's ImageDataGenerator (from `@dendrite/augment`) beside the augmentation
 * layers (from `@dendrite/layers`, where Keras keeps them).
 *
 * @packageDocumentation
 */
export * from '@dendrite/augment';
export {
  Rescaling, rescaling, Resizing, resizing, CenterCrop, centerCrop, RandomFlip, randomFlip, RandomRotation, randomRotation,
  RandomZoom, randomZoom, RandomTranslation, randomTranslation, RandomContrast, randomContrast,
} from '@dendrite/layers';
