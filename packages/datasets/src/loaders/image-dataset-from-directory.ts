import { random } from '@dendrite/backend';
import { checkOneOf, checkOptionKeys, checkTuple, optionKeys } from '@dendrite/backend/internal';
import { type ColorMode, loadImage } from '@dendrite/augment';
import { type DirectoryLoaderOptions, indexDirectory } from './index-directory';
import { type DirectoryDataset, directoryDataset } from './directory-dataset';

/** Options of {@link imageDatasetFromDirectory}. */
export interface ImageDatasetFromDirectoryOptions extends DirectoryLoaderOptions {
  /** `[height, width]` every image is resized to (`[256, 256]`, Keras's default). */
  imageSize?: [number, number];
  /** `rgb` (default), `grayscale` or `rgba`. */
  colorMode?: ColorMode;
  /** Resizing: `bilinear` (Keras's default, as `tf.image.resize` without antialiasing) or `nearest`. */
  interpolation?: 'bilinear' | 'nearest';
}

const IMAGE_KEYS = optionKeys<ImageDatasetFromDirectoryOptions>({
  labelMode: true, classNames: true, batchSize: true, shuffle: true, seed: true, validationSplit: true, subset: true, followLinks: true, imageSize: true, colorMode: true, interpolation: true,
});

/** Image batches: float32 values in [0, 255], shape `[batch, height, width, channels]`. */
export type ImageBatch = { values: Float32Array; shape: number[] };

/** The extensions Keras reads (GIF aside: Dendrite decodes PNG, JPEG and BMP). */
const IMAGE_FORMATS = ['.bmp', '.jpeg', '.jpg', '.png'];

/**
 * Keras's `image_dataset_from_directory`: `directory/<class>/*.png|jpg|bmp` as a `Dataset` of
 * `[images, labels]` batches for `fit`, labels from the sorted folder names (`int`,
 * `categorical` or `binary`), images resized to `imageSize`. Files and labels are shuffled with
 * NumPy's `RandomState(seed)` and split as Keras; batches are drawn in a new seeded order every pass.
 *
 * @param directory the folder of class folders
 * @returns the dataset (with `classNames`), or `[training, validation]` with `subset: 'both'`
 * @throws TypeError for an unknown option; RangeError / Error for bad options, folders or images
 * @example
 * ```ts
 * const [train, validation] = imageDatasetFromDirectory('PetImages', { imageSize: [180, 180], validationSplit: 0.2, subset: 'both', seed: 1337 });
 * await model.fit(train, { epochs: 25, validationData: validation });
 * ```
 */
export function imageDatasetFromDirectory(directory: string, options: ImageDatasetFromDirectoryOptions & { subset: 'both' }): [DirectoryDataset<ImageBatch>, DirectoryDataset<ImageBatch>];
export function imageDatasetFromDirectory(directory: string, options?: ImageDatasetFromDirectoryOptions): DirectoryDataset<ImageBatch>;
export function imageDatasetFromDirectory(directory: string, options: ImageDatasetFromDirectoryOptions = {}): DirectoryDataset<ImageBatch> | DirectoryDataset<ImageBatch>[] {
  const owner = 'imageDatasetFromDirectory';
  checkOptionKeys(options, IMAGE_KEYS, owner);
  const [height, width] = checkTuple(options.imageSize ?? [256, 256], 2, 'imageSize', owner);
  const colorMode = checkOneOf(options.colorMode ?? 'rgb', ['rgb', 'grayscale', 'rgba'], 'colorMode', owner);
  const interpolation = checkOneOf(options.interpolation ?? 'bilinear', ['bilinear', 'nearest'], 'interpolation', owner);
  const batchSize = options.batchSize === null ? null : checkTuple(options.batchSize ?? 32, 1, 'batchSize', owner)[0];
  const { classNames, parts } = indexDirectory(directory, IMAGE_FORMATS, options, owner);
  const channels = colorMode === 'grayscale' ? 1 : colorMode === 'rgb' ? 3 : 4;
  const read = (files: string[]): ImageBatch => {
    const size = height * width * channels;
    const values = new Float32Array(files.length * size);
    files.forEach((file, index) => values.set(loadImage(file, { targetSize: [height, width], colorMode, interpolation }).values, index * size));
    return { values, shape: [...(batchSize === null ? [] : [files.length]), height, width, channels] };
  };
  const labelMode = options.labelMode === null ? null : options.labelMode ?? 'int';
  const baseSeed = options.shuffle === false ? null : options.seed ?? Math.floor(random() * 1e6);
  const datasets = parts.map(({ files, labels }, part) => directoryDataset(files, labels, classNames, { labelMode, batchSize, shuffleSeed: baseSeed === null || part === 1 ? null : baseSeed }, read));
  return options.subset === 'both' ? datasets : datasets[0];
}
