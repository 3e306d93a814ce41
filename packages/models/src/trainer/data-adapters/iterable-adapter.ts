import { tf } from '@dendrite/backend';
import type { Batch, DataAdapter } from './data-adapter';
import { type DataLike, type InputExpectation, toHostArray } from './host-array';

/** One element of a batch source: `{xs, ys}` (TF.js), `{x, y, sampleWeight}`, or `[x, y, sampleWeight?]`. */
export type BatchElement =
  | { xs: BatchPart; ys: BatchPart; sampleWeight?: DataLike }
  | { x: BatchPart; y?: BatchPart; sampleWeight?: DataLike }
  | [BatchPart, BatchPart]
  | [BatchPart, BatchPart, DataLike];

/** Inputs or targets of one batch: one, a list, or a map by input/output name. */
export type BatchPart = DataLike | DataLike[] | Record<string, DataLike>;

/** A TF.js `Dataset` (anything with an async `iterator()` returning `{value, done}`s). */
export interface TfjsDatasetLike {
  iterator(): Promise<{ next(): Promise<IteratorResult<BatchElement>> }>;
}

/** What `fit` accepts as a stream of batches. */
export type BatchSource = AsyncIterable<BatchElement> | Iterable<BatchElement> | TfjsDatasetLike;

/** Whether `value` is a stream of batches rather than arrays of samples. */
export function isBatchSource(value: unknown): value is BatchSource {
  if (value == null || typeof value !== 'object' || value instanceof tf.Tensor || Array.isArray(value)) return false;
  return Symbol.asyncIterator in value || Symbol.iterator in value || typeof (value as TfjsDatasetLike).iterator === 'function';
}

type AnyIterator = { next(): Promise<IteratorResult<BatchElement>> | IteratorResult<BatchElement> };

/**
 * Batches from a dataset, generator or any (async) iterable. A re-iterable source (a Dataset)
 * starts over each epoch; a one-shot iterator (a generator) goes on where the last epoch stopped,
 * as Keras does with `steps_per_epoch`. The trainer disposes each batch's tensors after its step.
 */
export class IterableDataAdapter implements DataAdapter {
  readonly steps: number | null;
  private iterator?: AnyIterator;

  constructor(
    private readonly source: BatchSource,
    private readonly orderX: (part: BatchPart) => tf.Tensor[],
    private readonly orderY: (part: BatchPart) => tf.Tensor[],
    stepsPerEpoch?: number,
  ) {
    // A source that knows its batches per pass (an ImageDataGenerator flow, Keras's `len(sequence)`).
    const length = (source as { length?: unknown }).length;
    this.steps = stepsPerEpoch ?? (typeof length === 'number' && Number.isInteger(length) && length > 0 ? length : null);
  }

  private async freshIterator(): Promise<AnyIterator> {
    const source = this.source as Partial<AsyncIterable<BatchElement> & Iterable<BatchElement> & TfjsDatasetLike>;
    if (typeof source.iterator === 'function') return source.iterator();
    if (source[Symbol.asyncIterator]) return source[Symbol.asyncIterator]!();
    return source[Symbol.iterator]!();
  }

  async *batches(): AsyncIterable<Batch> {
    if (this.iterator === undefined || this.steps === null) this.iterator = await this.freshIterator();
    for (let step = 0; this.steps === null || step < this.steps; step++) {
      let result = await this.iterator.next();
      if (result.done && this.steps !== null && step === 0) {
        // A re-iterable source that ran out: start it again for this epoch.
        this.iterator = await this.freshIterator();
        result = await this.iterator.next();
      }
      if (result.done) {
        if (this.steps !== null && step < this.steps) this.iterator = undefined;
        return;
      }
      yield this.toBatch(result.value, step);
    }
  }

  private toBatch(element: BatchElement, step: number): Batch {
    let x: BatchPart, y: BatchPart, sampleWeight: DataLike | undefined;
    if (Array.isArray(element)) [x, y, sampleWeight] = element as [BatchPart, BatchPart, DataLike?];
    else if ('xs' in element) ({ xs: x, ys: y, sampleWeight } = element);
    else if ('x' in element && element.y !== undefined) ({ x, y, sampleWeight } = element as { x: BatchPart; y: BatchPart; sampleWeight?: DataLike });
    else throw new Error(`Expected batch ${step} to be {xs, ys}, {x, y} or [x, y], received keys [${Object.keys(element as object).join(', ')}]`);
    return {
      x: this.orderX(x),
      y: this.orderY(y),
      sampleWeight: sampleWeight === undefined ? undefined : asTensor(sampleWeight, `sampleWeight of batch ${step}`),
    };
  }
}

/** A tensor from one part of a batch (arrays are uploaded; tensors pass through); strings only for a string `input`. */
export function asTensor(value: DataLike, argumentName: string, input?: InputExpectation): tf.Tensor {
  if (value instanceof tf.Tensor) return value;
  const host = toHostArray(value, argumentName, input);
  if (host.strings !== undefined) return tf.tensor(host.strings as string[], host.shape, 'string');
  return tf.tensor(host.values as Float32Array, host.shape, host.dtype);
}
