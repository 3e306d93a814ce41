import { tf } from '@dendrite/backend';
import { checkOptionKeys, optionKeys, checkNumber, NON_NEGATIVE, checkShape } from '@dendrite/backend/internal';
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
    mean: checkNumber(args.mean ?? 0, 'mean', `initializer ${className}`),
    stddev: checkNumber(args.stddev ?? 0.05, 'stddev', `initializer ${className}`, NON_NEGATIVE),
  };
}

/** The normal initializers: `mean` and `stddev`, checked once, a sampler, and the config. */
/** The option keys of {@link RandomNormal} and {@link TruncatedNormal}. */
export const NORMAL_KEYS = optionKeys<RandomNormalArgs>({ mean: true, stddev: true, seed: true });

export abstract class NormalInitializer extends RandomInitializer {
  /** Mean. */
  readonly mean: number;
  /** Standard deviation (before truncation, for TruncatedNormal). */
  readonly stddev: number;

  /**
   * @throws TypeError for an unknown option key
   * @throws Error for a non-finite mean, a negative or non-finite stddev, or a non-integer seed */
  constructor(args: RandomNormalArgs = {}) {
    super(args.seed);
    checkOptionKeys(args, NORMAL_KEYS, this.className);
    ({ mean: this.mean, stddev: this.stddev } = normalArguments(args, this.className));
  }

  /** `tf.randomNormal` or `tf.truncatedNormal`. */
  protected abstract readonly sample: typeof tf.randomNormal;

  /** A new tensor of draws. */
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    checkShape(shape, `initializer ${this.className}`);
    return castTo(this.sample(shape, this.mean, this.stddev, 'float32', this.drawSeed()), dtype);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), mean: this.mean, stddev: this.stddev };
  }
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
export class RandomNormal extends NormalInitializer {
  static override className = 'RandomNormal';
  /** The option keys of the constructor. */
  static readonly optionKeys = NORMAL_KEYS;
  protected readonly sample = tf.randomNormal;
}
