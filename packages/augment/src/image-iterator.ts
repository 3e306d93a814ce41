import { type Draw, createRandom, tf } from '@dendrite/backend';
import { checkOptionKeys, classOptionKeys, describeValue, optionKeys, argumentError } from '@dendrite/backend/internal';

/** One batch from a flow: images `[n, h, w, c]` float32 and, unless there are none, targets. */
export interface ImageBatch {
  x: tf.Tensor4D;
  y?: tf.Tensor;
  sampleWeight?: tf.Tensor;
}

/** What an iterator needs of its generator: its random transform and standardisation. */
export interface BatchAugmenter {
  augmentBatch(images: tf.Tensor4D, draw: Draw): tf.Tensor4D;
  readonly validationSplit: number;
}

/** Options every flow takes. */
export interface FlowOptions {
  /** Images per batch (32). */
  batchSize?: number;
  /** Reshuffle the order on each pass (true). */
  shuffle?: boolean;
  /** Seeds the order and the random transforms: one seed gives one sequence of batches. */
  seed?: number;
}

/**
 * The base of `flow` and `flowFromDirectory`, like Keras's `Iterator`: `length` batches per pass,
 * the order reshuffled on every pass, a partial last batch. `model.fit` takes it as it is (one pass
 * per epoch); iterate it yourself with `for await`, or take batches with `nextBatch()`, Keras's
 * `next(iterator)`. The caller owns each batch's tensors (`fit` disposes them).
 */
export abstract class ImageIterator implements AsyncIterable<ImageBatch>, Iterable<ImageBatch> {
  /** The keys of {@link FlowOptions}, which every flow checks with its own. */
  // Stryker disable next-line BooleanLiteral: optionKeys reads only the record's keys, never its values
  static readonly optionKeys = optionKeys<FlowOptions>({ batchSize: true, shuffle: true, seed: true });
  /** Batches per pass: `ceil(samples / batchSize)`, Keras's `len(iterator)`. */
  readonly length: number;
  readonly batchSize: number;
  readonly shuffle: boolean;
  /** The stream of draws for the order and the transforms. */
  protected readonly draw: Draw;
  private pending: number[][] = [];

  protected constructor(
    private readonly generator: BatchAugmenter,
    readonly samples: number,
    options: FlowOptions,
    owner: string,
  ) {
    const batchSize = options.batchSize ?? 32;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw argumentError(batchSize, 'number', `Expected batchSize to be an integer ≥ 1 in ${owner}, received ${batchSize}`);
    if (samples < 1) throw new Error(`Expected at least one image in ${owner}, received none`);
    this.batchSize = batchSize;
    if (options.shuffle !== undefined && typeof options.shuffle !== 'boolean') throw new TypeError(`Expected shuffle to be a boolean in ${owner}, received ${describeValue(options.shuffle)}`);
    if (options.seed !== undefined && !Number.isFinite(options.seed)) throw argumentError(options.seed, 'number', `Expected seed to be a number in ${owner}, received ${describeValue(options.seed)}`);
    this.shuffle = options.shuffle ?? true;
    this.draw = createRandom(options.seed);
    this.length = Math.ceil(samples / batchSize);
  }

  /**
   * Checks a flow's option keys against those its class declares along the chain; a user's
   * subclass that declares none passes its own options on unchecked.
   *
   * @param options - what the caller passed
   * @param declarer - the class constructed (`new.target`)
   * @param owner - the flow, as messages name it (`ImageDataGenerator.flow`)
   * @throws TypeError `Unknown option "batch_size" in ImageDataGenerator.flow: did you mean "batchSize"?`
   */
  protected static checkOptions(options: unknown, declarer: Function, owner: string): void {
    const keys = classOptionKeys(declarer);
    if (keys !== undefined) checkOptionKeys(options, keys, owner);
  }

  /** The index batches of one pass, in a fresh order when shuffling. */
  private pass(): number[][] {
    const order = Array.from({ length: this.samples }, (_, i) => i);
    if (this.shuffle) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(this.draw() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
    }
    const batches: number[][] = [];
    for (let start = 0; start < order.length; start += this.batchSize) batches.push(order.slice(start, start + this.batchSize));
    return batches;
  }

  /** Uploads a batch of raw images and returns it randomly transformed and standardized. */
  protected augment(values: Float32Array, shape: number[]): tf.Tensor4D {
    const raw = tf.tensor4d(values, shape as [number, number, number, number]);
    try {
      return this.generator.augmentBatch(raw, this.draw);
    } finally {
      raw.dispose();
    }
  }

  /** Builds the batch of the samples `indices`. */
  protected abstract batch(indices: number[]): ImageBatch;

  /** The next batch, passes following each other without end, as Keras's `next(iterator)`. */
  nextBatch(): ImageBatch {
    if (this.pending.length === 0) this.pending = this.pass();
    return this.batch(this.pending.shift() as number[]);
  }

  *[Symbol.iterator](): Iterator<ImageBatch> {
    for (const indices of this.pass()) yield this.batch(indices);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<ImageBatch> {
    for (const indices of this.pass()) yield this.batch(indices);
  }
}
