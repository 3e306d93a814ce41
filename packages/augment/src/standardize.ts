import { tf } from '@dendrite/backend';
import type { FeaturewiseTensorSet } from './featurewise-tensors';
import type { ResolvedOptions } from './generator-options';

/** `statistic` when it has `channels` channels, as the batch. */
function checkChannels(statistic: tf.Tensor4D, channels: number): tf.Tensor4D {
  if (statistic.shape[3] !== channels) {
    throw new Error(`Expected batches of ${statistic.shape[3]} channels, as the images given to ImageDataGenerator.fit, received ${channels}`);
  }
  return statistic;
}

/**
 * Keras's `standardize` on a batch `[n, h, w, c]`, in Keras's order: `preprocessingFunction`,
 * `rescale`, samplewise centre and std, featurewise centre and std (the last two need `fit`).
 * Returns a new tensor; `batch` and the statistics' tensors are not disposed.
 *
 * @param statistics the featurewise statistics as tensors, made once after `fit`
 * @throws Error when featurewise options are set and `fit` has not run, or the channels differ from fit's
 */
export function standardize(batch: tf.Tensor4D, options: ResolvedOptions, statistics: FeaturewiseTensorSet): tf.Tensor4D {
  return tf.tidy(() => {
    let x: tf.Tensor4D = batch;
    if (options.preprocessingFunction) x = options.preprocessingFunction(x);
    if (options.rescale !== undefined && options.rescale !== 0) x = tf.mul(x, options.rescale);
    if (options.samplewiseCenter) x = tf.sub(x, tf.mean(x, [1, 2, 3], true));
    if (options.samplewiseStdNormalization) {
      const { variance } = tf.moments(x, [1, 2, 3], true);
      x = tf.div(x, tf.add(tf.sqrt(variance), 1e-6));
    }
    const channels = x.shape[3];
    if (options.featurewiseCenter) {
      if (!statistics.mean) throw new Error('Expected ImageDataGenerator.fit(x) before featurewiseCenter is used, received no statistics');
      x = tf.sub(x, checkChannels(statistics.mean, channels));
    }
    if (options.featurewiseStdNormalization) {
      if (!statistics.stdDivisor) throw new Error('Expected ImageDataGenerator.fit(x) before featurewiseStdNormalization is used, received no statistics');
      x = tf.div(x, checkChannels(statistics.stdDivisor, channels));
    }
    return x === batch ? x.clone() : x;
  });
}
