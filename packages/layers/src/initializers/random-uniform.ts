import { tf } from '@dendrite/backend';
import { checkOptionKeys, optionKeys, checkNumber, checkShape } from '@dendrite/backend/internal';
import { castTo, RandomInitializer } from './random-initializer';

/** Arguments of {@link RandomUniform}. */
export interface RandomUniformArgs {
  /** Lower bound, inclusive; −0.05 by default, as Keras. */
  minval?: number;
  /** Upper bound, exclusive; 0.05 by default. */
  maxval?: number;
  /** An integer for repeatable draws; none by default (see {@link RandomInitializer}). */
  seed?: number | null;
}

/**
 * Uniform in [minval, maxval) (Keras `RandomUniform`, alias `'uniform'`; config
 * `{ seed, minval, maxval }`).
 *
 * @example
 * ```ts
 * new RandomUniform({ minval: 0, maxval: 1, seed: 7 }).call([2, 2]);
 * ```
 */
export class RandomUniform extends RandomInitializer {
  static override className = 'RandomUniform';
  /** The option keys of the constructor. */
  static readonly optionKeys = optionKeys<RandomUniformArgs>({ minval: true, maxval: true, seed: true });
  /** Lower bound, inclusive. */
  readonly minval: number;
  /** Upper bound, exclusive. */
  readonly maxval: number;

  /**
   * @throws TypeError for an unknown option key
   * @throws Error when a bound is not finite, minval > maxval, or the seed is not an integer */
  constructor(args: RandomUniformArgs = {}) {
    super(args.seed);
    checkOptionKeys(args, RandomUniform.optionKeys, this.className);
    this.minval = checkNumber(args.minval ?? -0.05, 'minval', `initializer ${this.className}`);
    this.maxval = checkNumber(args.maxval ?? 0.05, 'maxval', `initializer ${this.className}`);
    if (this.minval > this.maxval) {
      throw new Error(`Expected minval ≤ maxval in initializer RandomUniform, received minval ${this.minval} and maxval ${this.maxval}`);
    }
  }

  /** A new tensor of uniform draws. */
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    checkShape(shape, `initializer ${this.className}`);
    return castTo(tf.randomUniform(shape, this.minval, this.maxval, 'float32', this.drawSeed()), dtype);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), minval: this.minval, maxval: this.maxval };
  }
}
