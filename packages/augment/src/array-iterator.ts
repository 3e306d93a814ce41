import { tf } from '@dendrite/backend';
import { describeValue, optionKeys } from '@dendrite/backend/internal';
import { type ArrayInput, type HostArray, gatherRows, toHost } from './image-array';
import { type BatchAugmenter, type FlowOptions, type ImageBatch, ImageIterator } from './image-iterator';

/** Options of `flow`. */
export interface ArrayFlowOptions extends FlowOptions {
  /** Per-sample weights, yielded with each batch. */
  sampleWeight?: ArrayInput;
  /** `'training'` or `'validation'`: the part of the data `validationSplit` gives (the validation part comes first, as Keras). */
  subset?: 'training' | 'validation';
}

function rows(array: HostArray, from: number, to: number): HostArray {
  const rowSize = array.shape.slice(1).reduce((a, b) => a * b, 1);
  const values = array.values as ArrayLike<number> & { subarray?: (a: number, b: number) => ArrayLike<number> };
  const part = values.subarray ? values.subarray(from * rowSize, to * rowSize) : Array.prototype.slice.call(values, from * rowSize, to * rowSize);
  return { values: part, shape: [to - from, ...array.shape.slice(1)] };
}

/** `flow(x, y)`: batches of augmented images from arrays, like Keras's `NumpyArrayIterator`. */
export class ArrayIterator extends ImageIterator {
  /** The keys {@link ArrayFlowOptions} adds to {@link FlowOptions}. */
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
  static override readonly optionKeys = optionKeys<ArrayFlowOptions, FlowOptions>({ sampleWeight: true, subset: true });
  private readonly x: HostArray;
  private readonly y?: HostArray;
  private readonly weights?: HostArray;

  /**
   * @throws TypeError for an unknown option (`batch_size` → `batchSize`)
   * @throws Error when x is not of rank 4, y or sampleWeight has another number of samples, or subset is unknown
   */
  constructor(generator: BatchAugmenter, x: ArrayInput, y: ArrayInput | undefined, options: ArrayFlowOptions = {}) {
    ImageIterator.checkOptions(options, new.target, 'ImageDataGenerator.flow');
    let images = toHost(x, 'x');
    if (images.shape.length !== 4) throw new Error(`Expected x of rank 4 [samples, height, width, channels] in ImageDataGenerator.flow, received shape [${images.shape}]`);
    let targets = y === undefined ? undefined : toHost(y, 'y');
    let weights = options.sampleWeight === undefined ? undefined : toHost(options.sampleWeight, 'sampleWeight');
    for (const [name, array] of [['y', targets], ['sampleWeight', weights]] as const) {
      if (array && array.shape[0] !== images.shape[0]) throw new Error(`Expected ${name} to have as many samples as x (${images.shape[0]}) in ImageDataGenerator.flow, received ${array.shape[0]}`);
    }
    if (options.subset !== undefined) {
      if (options.subset !== 'training' && options.subset !== 'validation') throw new Error(`Expected subset to be "training" or "validation" in ImageDataGenerator.flow, received ${describeValue(options.subset)}`);
      if (!generator.validationSplit) throw new Error('Expected a validationSplit on the ImageDataGenerator to use subset in flow, received none');
      const cut = Math.floor(images.shape[0] * generator.validationSplit);
      const [from, to] = options.subset === 'validation' ? [0, cut] : [cut, images.shape[0]];
      images = rows(images, from, to);
      targets = targets && rows(targets, from, to);
      weights = weights && rows(weights, from, to);
    }
    super(generator, images.shape[0], options, 'ImageDataGenerator.flow');
    this.x = images;
    this.y = targets;
    this.weights = weights;
  }

  protected batch(indices: number[]): ImageBatch {
    const host = gatherRows(this.x, indices);
    const batch: ImageBatch = { x: this.augment(host.values, host.shape) };
    if (this.y) {
      const y = gatherRows(this.y, indices);
      batch.y = tf.tensor(y.values, y.shape);
    }
    if (this.weights) batch.sampleWeight = tf.tensor1d(gatherRows(this.weights, indices).values);
    return batch;
  }
}
