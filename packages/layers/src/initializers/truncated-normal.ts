import { tf } from '@dendrite/backend';
import { NORMAL_KEYS, NormalInitializer } from './random-normal';

/**
 * Normal draws with `mean` and `stddev`, where any value more than two standard deviations from
 * the mean is drawn again (Keras `TruncatedNormal`; config `{ seed, mean, stddev }`). The result's
 * standard deviation is about 0.88 · stddev.
 *
 * @example
 * ```ts
 * new TruncatedNormal({ stddev: 0.02 }).call([768, 768]); // all within ±0.04
 * ```
 */
export class TruncatedNormal extends NormalInitializer {
  static override className = 'TruncatedNormal';
  /** The option keys of the constructor. */
  static readonly optionKeys = NORMAL_KEYS;
  protected readonly sample = tf.truncatedNormal;
}
