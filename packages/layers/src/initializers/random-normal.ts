import { tf } from '@dendrite/backend';
import { checkNumber, checkShape } from './argument-checks';
import { castTo, RandomInitializer } from './random-initializer';

/** Arguments of {@link RandomNormal} and `TruncatedNormal`. */
export interface RandomNormalArgs {
  /** Mean; 0 by default. */
  mean?: number;
  /** Standard deviation, ≥ 0; 0.05 by default, as Keras. */
  stddev?: number;
  /** An integer for repeatable draws; none by default (see {@link RandomInitializer}). */
  seed?: number | null;
}

/**
 * Checks and defaults the arguments of a normal initializer.
 *
 * @throws Error when mean is not finite, stddev is negative or not finite
 */
export function normalArguments(args: RandomNormalArgs, className: string): { mean: number; stddev: number } {
  return {
    mean: checkNumber(args.mean ?? 0, 'mean', className),
    stddev: checkNumber(args.stddev ?? 0.05, 'stddev', className, (value) => value >= 0, 'a finite number ≥ 0'),
  };
}

/**
 * Normal draws with `mean` and `stddev` (Keras `RandomNormal`, alias `'normal'`; config
 * `{ seed, mean, stddev }`).
 *
 * @example
 * ```ts
 * new RandomNormal({ stddev: 0.1, seed: 1 }).call([3, 3]);
 * ```
 */
export class RandomNormal extends RandomInitializer {
  static override className = 'RandomNormal';
  /** Mean. */
  readonly mean: number;
  /** Standard deviation. */
  readonly stddev: number;

  /** @throws Error for a non-finite mean, a negative or non-finite stddev, or a non-integer seed */
  constructor(args: RandomNormalArgs = {}) {
    super(args.seed);
    ({ mean: this.mean, stddev: this.stddev } = normalArguments(args, this.className));
  }

  /** A new tensor of normal draws. */
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    checkShape(shape, this.className);
    return castTo(tf.randomNormal(shape, this.mean, this.stddev, 'float32', this.drawSeed()), dtype);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), mean: this.mean, stddev: this.stddev };
  }
}
