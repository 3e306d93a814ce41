import { tf } from '@dendrite/backend';
import { describeValue, optionKeys } from '@dendrite/backend/internal';
import { type BatchAugmenter, type FlowOptions, type ImageBatch, ImageIterator } from './image-iterator';
import { listImageFiles } from './list-image-files';
import { type ColorMode, type LoadImageOptions, loadImage, readImageFile } from './load-image';

/** Keras's class modes: what each batch carries as targets. */
export type ClassMode = 'categorical' | 'binary' | 'sparse' | 'input' | 'none' | null;

/** Options of `flowFromDirectory`, Keras's in camelCase. */
export interface DirectoryFlowOptions extends FlowOptions {
  /** `[height, width]` every image is resized to ([256, 256]). */
  targetSize?: [number, number];
  colorMode?: ColorMode;
  /** Class folder names in index order (default: every sub-folder, sorted). */
  classes?: string[];
  /** 'categorical' (one-hot, default), 'binary' (0/1, two classes), 'sparse' (indices), 'input' (the images), 'none'/null (no targets). */
  classMode?: ClassMode;
  /** 'training' or 'validation': the part of each class `validationSplit` gives. */
  subset?: 'training' | 'validation';
  /** 'nearest' (default) or 'bilinear'. */
  interpolation?: 'nearest' | 'bilinear';
  followLinks?: boolean;
  /** A corrupt image: 'error' (default) names it when its batch is read; 'skip' checks every file first and leaves bad ones out with a warning. */
  invalidImages?: 'error' | 'skip';
  /** Print Keras's "Found N images belonging to K classes." (true). */
  verbose?: boolean;
}

/** `flowFromDirectory`: batches of augmented images read from class folders, like Keras's `DirectoryIterator`. */
export class DirectoryIterator extends ImageIterator {
  /** The keys {@link DirectoryFlowOptions} adds to {@link FlowOptions}. */
  static override readonly optionKeys = optionKeys<DirectoryFlowOptions, FlowOptions>({
    targetSize: true, colorMode: true, classes: true, classMode: true, subset: true, interpolation: true, followLinks: true, invalidImages: true, verbose: true,
  });
  /** Class name → index, Keras's `class_indices`. */
  readonly classIndices: Record<string, number>;
  /** The class index of every file. */
  readonly classes: Int32Array;
  /** File paths relative to the folder. */
  readonly filenames: string[];
  readonly numClasses: number;
  readonly imageShape: [number, number, number];
  private readonly imageOptions: LoadImageOptions;
  private readonly classMode: ClassMode;

  /**
   * @throws TypeError for an unknown option (`target_size` → `targetSize`)
   * @throws Error when the folder holds no class folders or images, or an option is out of range
   */
  constructor(generator: BatchAugmenter, readonly directory: string, options: DirectoryFlowOptions = {}) {
    ImageIterator.checkOptions(options, new.target, 'flowFromDirectory');
    const classMode = options.classMode === undefined ? 'categorical' : options.classMode;
    if (!['categorical', 'binary', 'sparse', 'input', 'none', null].includes(classMode)) {
      throw new Error(`Expected classMode to be "categorical", "binary", "sparse", "input", "none" or null in flowFromDirectory, received ${describeValue(classMode)}`);
    }
    if (options.invalidImages !== undefined && options.invalidImages !== 'error' && options.invalidImages !== 'skip') {
      throw new Error(`Expected invalidImages to be "error" or "skip" in flowFromDirectory, received ${describeValue(options.invalidImages)}`);
    }
    const targetSize = options.targetSize ?? [256, 256];
    if (targetSize.length !== 2 || !targetSize.every((s) => Number.isInteger(s) && s > 0)) throw new Error(`Expected targetSize to be [height, width] of positive integers in flowFromDirectory, received ${describeValue(targetSize)}`);
    let split: [number, number] | undefined;
    if (options.subset !== undefined) {
      if (options.subset !== 'training' && options.subset !== 'validation') throw new Error(`Expected subset to be "training" or "validation" in flowFromDirectory, received ${describeValue(options.subset)}`);
      if (!generator.validationSplit) throw new Error('Expected a validationSplit on the ImageDataGenerator to use subset in flowFromDirectory, received none');
      split = options.subset === 'validation' ? [0, generator.validationSplit] : [generator.validationSplit, 1];
    }
    const list = listImageFiles(directory, { classes: options.classes, followLinks: options.followLinks, split });
    const colorMode = options.colorMode ?? 'rgb';
    const interpolation = options.interpolation ?? 'nearest';
    let { filenames, classes } = list;
    if (options.invalidImages === 'skip') {
      const keep: number[] = [];
      filenames.forEach((file, i) => {
        try {
          // Decoding tells a readable image; colour conversion and resizing wait for its batch.
          readImageFile(`${directory}/${file}`);
          keep.push(i);
        } catch (error) {
          console.warn(`Skipping ${file}: ${(error as Error).message}`);
        }
      });
      filenames = keep.map((i) => filenames[i]);
      classes = Int32Array.from(keep, (i) => classes[i]);
    }
    if (classMode === 'binary' && list.classNames.length !== 2) throw new Error(`Expected 2 class folders for classMode "binary" in "${directory}", received ${list.classNames.length} (${list.classNames.join(', ')})`);
    if (options.verbose !== false) console.log(`Found ${filenames.length} images belonging to ${list.classNames.length} classes.`);
    super(generator, filenames.length, options, `flowFromDirectory("${directory}")`);
    this.filenames = filenames;
    this.classes = classes;
    this.numClasses = list.classNames.length;
    this.classIndices = Object.fromEntries(list.classNames.map((name, i) => [name, i]));
    this.imageOptions = { targetSize, colorMode, interpolation };
    this.classMode = classMode;
    this.imageShape = [targetSize[0], targetSize[1], { grayscale: 1, rgb: 3, rgba: 4 }[colorMode]];
  }

  /** Full paths of the files, in order. */
  get filepaths(): string[] {
    return this.filenames.map((file) => `${this.directory}/${file}`);
  }

  protected batch(indices: number[]): ImageBatch {
    const [height, width, channels] = this.imageShape;
    const pixels = height * width * channels;
    const values = new Float32Array(indices.length * pixels);
    indices.forEach((index, k) => {
      const image = loadImage(`${this.directory}/${this.filenames[index]}`, this.imageOptions);
      values.set(image.values, k * pixels);
    });
    const x = this.augment(values, [indices.length, height, width, channels]);
    const labels = indices.map((index) => this.classes[index]);
    switch (this.classMode) {
      case 'categorical':
        // tf.oneHot refuses a depth of 1; Keras allows one class folder (every target is [1]).
        if (this.numClasses === 1) return { x, y: tf.ones([indices.length, 1]) };
        return { x, y: tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), this.numClasses).toFloat()) };
      case 'binary':
      case 'sparse':
        return { x, y: tf.tensor1d(labels, 'float32') };
      case 'input':
        return { x, y: x.clone() };
      default:
        return { x };
    }
  }
}
