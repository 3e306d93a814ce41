import { createRandom, tf } from '@dendrite/backend';
import { checkOptionKeys, classOptionKeys, describeValue, optionKeys, argumentError } from '@dendrite/backend/internal';
import { type TransformParameters, IDENTITY_PARAMETERS } from './affine';
import { applyTransforms } from './apply-transforms';
import { type ArrayFlowOptions, ArrayIterator } from './array-iterator';
import type { BatchAugmenter } from './image-iterator';
import { DirectoryIterator, type DirectoryFlowOptions } from './directory-iterator';
import { type FeatureStatistics, FeaturewiseTensors } from './featurewise-tensors';
import { GENERATOR_OPTION_KEYS, type ImageDataGeneratorOptions, type ResolvedOptions, resolveOptions } from './generator-options';
import { type ArrayInput, toHost } from './image-array';
import { drawTransform, transforms } from './random-transform';
import { standardize } from './standardize';

/** Options of {@link ImageDataGenerator.fit}. */
export interface FitStatisticsOptions {
  /** Compute the statistics on randomly transformed copies (false). */
  augment?: boolean;
  /** How many transformed copies of the data, with `augment` (1). */
  rounds?: number;
  /** Seeds the random transforms of `augment`. */
  seed?: number;
}

// Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
const FIT_STATISTICS_KEYS = optionKeys<FitStatisticsOptions>({ augment: true, rounds: true, seed: true });

/**
 * Keras's `ImageDataGenerator`: random rotations, shifts, shear, zoom, flips, channel shifts and
 * brightness, then rescaling and normalisation, applied batch by batch on the backend (one affine
 * matrix per image through `tf.image.transform`).
 *
 * ```ts
 * const datagen = new ImageDataGenerator({ rotationRange: 40, widthShiftRange: 0.2, horizontalFlip: true, rescale: 1 / 255 });
 * await model.fit(datagen.flow(x, y, { batchSize: 32 }), { epochs: 10 });
 * await model.fit(datagen.flowFromDirectory('data/train', { targetSize: [150, 150], classMode: 'binary' }), { epochs: 10 });
 * ```
 */
export class ImageDataGenerator implements BatchAugmenter {
  /** The keys of {@link ImageDataGeneratorOptions}, which the constructor checks. */
  static readonly optionKeys = GENERATOR_OPTION_KEYS;
  /** The checked options. */
  readonly options: ResolvedOptions;
  /**
   * Per-channel mean and std from {@link fit} (featurewise options), on the host. Batches use
   * tensors made from them once; to set statistics by hand, assign new arrays (edits inside an
   * array are not seen).
   */
  readonly statistics: FeatureStatistics = {};
  private readonly featurewise = new FeaturewiseTensors();

  /**
   * @throws TypeError for an unknown option, naming the one meant (`rotation_range` → `rotationRange`)
   * @throws Error naming an option whose value is out of range, what was expected and what was received
   */
  constructor(options: ImageDataGeneratorOptions = {}) {
    this.options = resolveOptions(options, classOptionKeys(new.target) ?? null);
  }

  /** The fraction `subset: 'validation'` takes. */
  get validationSplit(): number {
    return this.options.validationSplit ?? 0;
  }

  /**
   * Computes the per-channel mean and standard deviation that `featurewiseCenter` and
   * `featurewiseStdNormalization` use, on `x` (`[n, h, w, c]`) after `rescale` — or on randomly
   * transformed copies with `augment`. A tensor is used where it is, without a copy to the host;
   * the statistics are read back once (they are public, on the host) and uploaded once as the
   * tensors every batch uses. A new fit replaces them.
   *
   * @throws TypeError for an unknown option
   * @throws Error when x is not of rank 4
   */
  fit(x: ArrayInput, options: FitStatisticsOptions = {}): void {
    checkOptionKeys(options, FIT_STATISTICS_KEYS, 'ImageDataGenerator.fit');
    const host = x instanceof tf.Tensor ? undefined : toHost(x, 'x');
    const shape = host ? host.shape : (x as tf.Tensor).shape;
    if (shape.length !== 4) throw new Error(`Expected x of rank 4 [samples, height, width, channels] in ImageDataGenerator.fit, received shape [${shape}]`);
    const rounds = options.rounds ?? 1;
    if (!Number.isInteger(rounds) || rounds < 1) throw argumentError(rounds, 'number', `Expected rounds to be an integer ≥ 1 in ImageDataGenerator.fit, received ${rounds}`);
    const draw = createRandom(options.seed);
    const moments = tf.tidy(() => {
      // Float32 host values are uploaded as they are; others are converted once, as tfjs would.
      let data = (host ? tf.tensor4d(host.values instanceof Float32Array ? host.values : Float32Array.from(host.values), shape as [number, number, number, number]) : tf.cast(x as tf.Tensor, 'float32')) as tf.Tensor4D;
      if (options.augment) {
        const copies = Array.from({ length: rounds }, () => this.randomTransformBatch(data, draw));
        data = tf.concat(copies, 0);
      }
      if (this.options.rescale) data = tf.mul(data, this.options.rescale);
      const { mean, variance } = tf.moments(data, [0, 1, 2]);
      return tf.concat([mean, variance]);
    });
    const values = moments.dataSync() as Float32Array;
    moments.dispose();
    const channels = shape[3];
    if (this.options.featurewiseCenter || this.options.featurewiseStdNormalization) this.statistics.mean = values.slice(0, channels);
    if (this.options.featurewiseStdNormalization) this.statistics.std = values.slice(channels).map(Math.sqrt);
    this.featurewise.of(this.statistics);
  }

  /** Frees the tensors of the featurewise statistics; a later batch or fit makes them again. */
  dispose(): void {
    this.featurewise.dispose();
  }

  /**
   * A random transform for one image of `shape` (`[h, w, c]` or `[h, w]`), as Keras's `get_random_transform`.
   *
   * @throws Error when seed is given and is not a number
   */
  getRandomTransform(shape: number[], seed?: number): TransformParameters {
    if (seed !== undefined && !Number.isFinite(seed)) throw argumentError(seed, 'number', `Expected seed to be a number in ImageDataGenerator.getRandomTransform, received ${describeValue(seed)}`);
    return transforms(this.options) ? drawTransform(this.options, shape[0], shape[1], createRandom(seed)) : { ...IDENTITY_PARAMETERS };
  }

  /** Applies `parameters` to one image `[h, w, c]`, as Keras's `apply_transform` (a new tensor). */
  applyTransform(image: tf.Tensor3D, parameters: TransformParameters): tf.Tensor3D {
    return tf.tidy(() => applyTransforms(image.expandDims(0) as tf.Tensor4D, [parameters], this.options.fillMode, this.options.cval).squeeze([0]) as tf.Tensor3D);
  }

  /** A randomly transformed copy of one image (`[h, w, c]`), as Keras's `random_transform`. */
  randomTransform(image: tf.Tensor3D, seed?: number): tf.Tensor3D {
    return this.applyTransform(image, this.getRandomTransform(image.shape, seed));
  }

  /** Standardizes a batch `[n, h, w, c]` (rescale, then sample- and featurewise), as Keras's `standardize`. */
  standardize(batch: tf.Tensor4D): tf.Tensor4D {
    return standardize(batch, this.options, this.featurewise.of(this.statistics));
  }

  private randomTransformBatch(images: tf.Tensor4D, draw: () => number): tf.Tensor4D {
    const [n, height, width] = images.shape;
    const parameters = Array.from({ length: n }, () => drawTransform(this.options, height, width, draw));
    return applyTransforms(images, parameters, this.options.fillMode, this.options.cval);
  }

  /** @internal A batch as the iterators yield it: randomly transformed, then standardized. */
  augmentBatch(images: tf.Tensor4D, draw: () => number): tf.Tensor4D {
    // Stryker disable next-line ConditionalExpression: without transforms, drawTransform draws nothing and gives the identity, which applyTransforms copies: the same values either way
    if (!transforms(this.options)) return this.standardize(images);
    const moved = this.randomTransformBatch(images, draw);
    const out = this.standardize(moved);
    moved.dispose();
    return out;
  }

  /**
   * Batches of augmented images (and their targets) from arrays: Keras's `flow(x, y)`. Without
   * targets the options may come second, as Keras's `flow(x, batch_size=32)`: `flow(x, { batchSize: 32 })`.
   *
   * @throws TypeError for an unknown option (`batch_size` → `batchSize`)
   * @throws Error when x is not of rank 4 or y has another number of samples
   */
  flow(x: ArrayInput, y?: ArrayInput, options?: ArrayFlowOptions): ArrayIterator;
  flow(x: ArrayInput, options?: ArrayFlowOptions): ArrayIterator;
  flow(x: ArrayInput, y?: ArrayInput | ArrayFlowOptions, options?: ArrayFlowOptions): ArrayIterator {
    if (options === undefined && isFlowOptions(y)) return new ArrayIterator(this, x, undefined, y);
    return new ArrayIterator(this, x, y as ArrayInput | undefined, options);
  }

  /**
   * Batches of augmented images read from class folders (`dir/<class>/<image>`), as Keras's
   * `flow_from_directory`: classes are the sorted folder names; PNG, JPEG, BMP and PPM files.
   *
   * @throws TypeError for an unknown option (`target_size` → `targetSize`)
   * @throws Error when the folder does not exist or holds no images
   */
  flowFromDirectory(directory: string, options: DirectoryFlowOptions = {}): DirectoryIterator {
    return new DirectoryIterator(this, directory, options);
  }
}

/**
 * Whether `flow`'s second argument is its options rather than targets: an object that is neither a
 * tensor nor `{values, shape}` (an array has `values` too, from `Array.prototype`).
 */
function isFlowOptions(value: unknown): value is ArrayFlowOptions {
  return typeof value === 'object' && value !== null && !(value instanceof tf.Tensor) && !('values' in value);
}

/**
 * Creates an {@link ImageDataGenerator}.
 *
 * @throws TypeError for an unknown option, naming the one meant (`rotation_range` → `rotationRange`)
 */
export function imageDataGenerator(options: ImageDataGeneratorOptions = {}): ImageDataGenerator {
  return new ImageDataGenerator(options);
}
