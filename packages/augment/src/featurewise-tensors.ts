import { tf } from '@dendrite/backend';

/** Per-channel statistics `fit` computes for featurewise normalisation. */
export interface FeatureStatistics {
  mean?: Float32Array;
  std?: Float32Array;
}

/** The featurewise statistics as `[1, 1, 1, channels]` tensors, ready to broadcast over a batch. */
export interface FeaturewiseTensorSet {
  /** The per-channel mean. */
  mean?: tf.Tensor4D;
  /** The per-channel standard deviation plus Keras's 1e-6, what a batch is divided by. */
  stdDivisor?: tf.Tensor4D;
}

/**
 * Holds the tensors of an {@link ImageDataGenerator}'s featurewise statistics so that batches do
 * not upload them again: they are made when `fit` sets new statistics (or when an array of
 * `statistics` is replaced by another), kept out of any `tf.tidy`, and disposed when replaced or
 * by {@link FeaturewiseTensors.dispose}. Edits inside an array are not seen: assign a new one.
 *
 * @example
 * ```ts
 * const tensors = new FeaturewiseTensors();
 * const { mean } = tensors.of({ mean: Float32Array.of(0.5, 0.4, 0.3) }); // [1, 1, 1, 3]
 * tensors.dispose();
 * ```
 */
export class FeaturewiseTensors {
  private source: FeatureStatistics = {};
  private tensors: FeaturewiseTensorSet = {};

  /**
   * The tensors of `statistics`, made again only when its arrays are not the ones they were made
   * from. They stay owned by this object: callers must not dispose them.
   */
  of(statistics: FeatureStatistics): FeaturewiseTensorSet {
    if (statistics.mean !== this.source.mean || statistics.std !== this.source.std) this.upload(statistics);
    return this.tensors;
  }

  /** Disposes the tensors; the next {@link of} makes them again. */
  dispose(): void {
    // tf.dispose skips undefined entries.
    tf.dispose([this.tensors.mean, this.tensors.stdDivisor] as tf.Tensor[]);
    this.tensors = {};
    this.source = {};
  }

  private upload(statistics: FeatureStatistics): void {
    this.dispose();
    const { mean, std } = statistics;
    // Kept: `of` runs inside the tidy of standardize, which must not free them.
    this.tensors = tf.tidy(() => ({
      mean: mean && tf.keep(tf.tensor4d(mean, [1, 1, 1, mean.length])),
      stdDivisor: std && tf.keep(tf.add(tf.tensor4d(std, [1, 1, 1, std.length]), 1e-6) as tf.Tensor4D),
    }));
    this.source = { mean, std };
  }
}
