import { tf } from '@dendrite/backend';
import { checkShape } from './argument-checks';
import { normalArguments, type RandomNormalArgs } from './random-normal';
import { castTo, RandomInitializer } from './random-initializer';

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
export class TruncatedNormal extends RandomInitializer {
  static override className = 'TruncatedNormal';
  /** Mean. */
  readonly mean: number;
  /** Standard deviation before truncation. */
  readonly stddev: number;

  /** @throws Error for a non-finite mean, a negative or non-finite stddev, or a non-integer seed */
  constructor(args: RandomNormalArgs = {}) {
    super(args.seed);
    ({ mean: this.mean, stddev: this.stddev } = normalArguments(args, this.className));
  }

  /** A new tensor of truncated normal draws. */
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    checkShape(shape, this.className);
    return castTo(tf.truncatedNormal(shape, this.mean, this.stddev, 'float32', this.drawSeed()), dtype);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), mean: this.mean, stddev: this.stddev };
  }
}
