import { tf } from '@dendrite/backend';
import { checkNumber, drawSeed, Initializer } from './initializer';

/** Arguments of {@link RandomUniform}. */
export interface RandomUniformArgs {
  minval?: number;
  maxval?: number;
  seed?: number;
}

/** Uniform in [minval, maxval) — Keras's default ±0.05. */
export class RandomUniform extends Initializer {
  static override className = 'RandomUniform';
  readonly minval: number;
  readonly maxval: number;
  readonly seed?: number;
  constructor(args: RandomUniformArgs = {}) {
    super();
    this.minval = checkNumber(args.minval ?? -0.05, 'minval', 'RandomUniform');
    this.maxval = checkNumber(args.maxval ?? 0.05, 'maxval', 'RandomUniform');
    if (this.maxval < this.minval) throw new Error(`Expected minval ≤ maxval in initializer RandomUniform, received minval ${this.minval} and maxval ${this.maxval}`);
    this.seed = args.seed;
  }
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    return tf.randomUniform(shape, this.minval, this.maxval, dtype, drawSeed(this.seed));
  }
  override getConfig(): Record<string, unknown> {
    return { minval: this.minval, maxval: this.maxval, seed: this.seed ?? null };
  }
}

/** Arguments of {@link RandomNormal} and {@link TruncatedNormal}. */
export interface RandomNormalArgs {
  mean?: number;
  stddev?: number;
  seed?: number;
}

/** Normal with `mean` and `stddev` (0 and 0.05 by default). */
export class RandomNormal extends Initializer {
  static override className = 'RandomNormal';
  readonly mean: number;
  readonly stddev: number;
  readonly seed?: number;
  constructor(args: RandomNormalArgs = {}) {
    super();
    const className = (this.constructor as typeof Initializer).className;
    this.mean = checkNumber(args.mean ?? 0, 'mean', className);
    this.stddev = checkNumber(args.stddev ?? 0.05, 'stddev', className, (v) => Number.isFinite(v) && v >= 0, 'a finite number ≥ 0');
    this.seed = args.seed;
  }
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    return tf.randomNormal(shape, this.mean, this.stddev, dtype as 'float32', drawSeed(this.seed));
  }
  override getConfig(): Record<string, unknown> {
    return { mean: this.mean, stddev: this.stddev, seed: this.seed ?? null };
  }
}

/** Normal with `mean` and `stddev`, values beyond two standard deviations redrawn. */
export class TruncatedNormal extends RandomNormal {
  static override className = 'TruncatedNormal';
  override call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    return tf.truncatedNormal(shape, this.mean, this.stddev, dtype as 'float32', drawSeed(this.seed));
  }
}

/**
 * A random orthogonal matrix times `gain` (rows: every axis but the last), as Keras's
 * `Orthogonal`: the Q of a QR decomposition of a normal matrix, signs fixed by R's diagonal.
 */
export class Orthogonal extends Initializer {
  static override className = 'Orthogonal';
  readonly gain: number;
  readonly seed?: number;
  constructor(args: { gain?: number; seed?: number } = {}) {
    super();
    this.gain = checkNumber(args.gain ?? 1, 'gain', 'Orthogonal');
    this.seed = args.seed;
  }
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    if (shape.length < 2) throw new Error(`Expected a shape of rank ≥ 2 in initializer Orthogonal, received [${shape.join(', ')}]`);
    const columns = shape[shape.length - 1];
    const rows = shape.slice(0, -1).reduce((product, size) => product * size, 1);
    return tf.tidy(() => {
      const normal = tf.randomNormal([Math.max(rows, columns), Math.min(rows, columns)], 0, 1, 'float32', drawSeed(this.seed));
      const [q, r] = tf.linalg.qr(normal as tf.Tensor2D);
      const diagonal = tf.sum(tf.mul(r, tf.eye(r.shape[0], r.shape[1])), 0);
      let orthogonal: tf.Tensor = tf.mul(q, tf.sign(diagonal));
      if (rows < columns) orthogonal = tf.transpose(orthogonal);
      return tf.cast(tf.reshape(tf.mul(orthogonal, this.gain), shape), dtype);
    });
  }
  override getConfig(): Record<string, unknown> {
    return { gain: this.gain, seed: this.seed ?? null };
  }
}
