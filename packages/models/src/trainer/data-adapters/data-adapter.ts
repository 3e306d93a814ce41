import type { tf } from '@dendrite/backend';

/** One batch as the trainer consumes it; the trainer disposes its tensors after the step. */
export interface Batch {
  x: tf.Tensor[];
  y: tf.Tensor[];
  sampleWeight?: tf.Tensor;
}

/**
 * One adapter per kind of input (STYLE.md: Keras's `trainers/data_adapters`): turns what the user
 * passed into batches, epoch after epoch.
 */
export interface DataAdapter {
  /** Batches per epoch, or null when the source does not say (an iterable without stepsPerEpoch). */
  readonly steps: number | null;
  /** Samples per epoch, when known. */
  readonly samples?: number;
  /** The batches of one epoch. */
  batches(epoch: number): AsyncIterable<Batch> | Iterable<Batch>;
}
