import { createRandom } from '@dendrite/backend';
import { cutBatch } from './batch-cutter';
import type { Batch, DataAdapter } from './data-adapter';
import { type HostArray, stringRows, tensorRows } from './host-array';
import { argumentError } from '@dendrite/backend/internal';

/** Options of {@link ArrayDataAdapter}. */
export interface ArrayAdapterOptions {
  batchSize: number;
  /** Shuffle the sample order each epoch (fit's default). */
  shuffle?: boolean;
  /** Per-sample weights, already combined with class weights. */
  sampleWeight?: Float32Array;
  /** Seed of the shuffling (else the global stream of setSeed). */
  seed?: number;
  /** Stop an epoch after this many batches. */
  stepsPerEpoch?: number;
}

/**
 * Batches from host arrays (typed arrays, nested arrays) or the caller's tensors (gathered on the backend).
 *
 * @throws Error when inputs and targets do not have the same number of samples
 */
export class ArrayDataAdapter implements DataAdapter {
  readonly samples: number;
  readonly steps: number;
  private readonly random: () => number;

  constructor(
    readonly x: HostArray[],
    readonly y: HostArray[],
    private readonly options: ArrayAdapterOptions,
  ) {
    const counts = [...x, ...y].map((array) => array.shape[0]);
    this.samples = counts[0];
    if (counts.some((count) => count !== this.samples)) {
      throw new Error(`Expected x and y to have the same number of samples, received ${counts.join(', ')}`);
    }
    if (options.sampleWeight && options.sampleWeight.length !== this.samples) {
      throw new Error(`Expected sampleWeight to have ${this.samples} entries (one per sample), received ${options.sampleWeight.length}`);
    }
    if (!Number.isInteger(options.batchSize) || options.batchSize < 1) {
      throw argumentError(options.batchSize, 'number', `Expected batchSize to be an integer ≥ 1, received ${options.batchSize}`);
    }
    const fullSteps = Math.ceil(this.samples / options.batchSize);
    this.steps = options.stepsPerEpoch !== undefined ? Math.min(options.stepsPerEpoch, fullSteps) : fullSteps;
    this.random = createRandom(options.seed);
  }

  /**
   * Splits off the last `fraction` of the samples (before any shuffling), as Keras's
   * `validation_split`: returns the training part and the validation part.
   */
  static split(x: HostArray[], y: HostArray[], fraction: number, sampleWeight?: Float32Array): [HostArray[], HostArray[], HostArray[], HostArray[], Float32Array?, Float32Array?] {
    if (!(fraction > 0 && fraction < 1)) throw new Error(`Expected validationSplit to be in (0, 1), received ${fraction}`);
    const samples = x[0].shape[0];
    const trainCount = Math.floor(samples * (1 - fraction));
    if (trainCount === 0 || trainCount === samples) {
      throw new Error(`Expected validationSplit ${fraction} to leave samples on both sides, received ${samples} samples`);
    }
    const part = (array: HostArray, from: number, to: number): HostArray => {
      const shape = [to - from, ...array.shape.slice(1)];
      if (array.strings !== undefined) return stringRows(array.strings.slice(from * array.rowSize, to * array.rowSize), shape);
      // A tensor's rows stay in it: the part is a range of them, not a copy.
      if (array.tensor !== undefined) return tensorRows(array.tensor, shape, array.dtype, (array.firstRow ?? 0) + from);
      return { ...array, values: array.values.subarray(from * array.rowSize, to * array.rowSize), shape };
    };
    return [
      x.map((a) => part(a, 0, trainCount)),
      y.map((a) => part(a, 0, trainCount)),
      x.map((a) => part(a, trainCount, samples)),
      y.map((a) => part(a, trainCount, samples)),
      sampleWeight?.subarray(0, trainCount),
      sampleWeight?.subarray(trainCount),
    ];
  }

  *batches(): Iterable<Batch> {
    const order = Int32Array.from({ length: this.samples }, (_, i) => i);
    if (this.options.shuffle) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(this.random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
    }
    const { batchSize, sampleWeight } = this.options;
    for (let step = 0; step < this.steps; step++) {
      const start = step * batchSize;
      const end = Math.min(start + batchSize, this.samples);
      // Stryker disable ArrayDeclaration: cutBatch reads a host array's shape only past the batch axis (nothing here)
      const weights = sampleWeight
        ? { values: sampleWeight, shape: [this.samples], dtype: 'float32' as const, rowSize: 1 }
        : undefined;
      // Stryker restore ArrayDeclaration
      yield {
        x: this.x.map((array) => cutBatch(array, order, start, end)),
        y: this.y.map((array) => cutBatch(array, order, start, end)),
        sampleWeight: weights ? cutBatch(weights, order, start, end) : undefined,
      };
    }
  }
}
