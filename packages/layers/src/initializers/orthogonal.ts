import { tf } from '@dendrite/backend';
import { describeValue, checkOptionKeys, optionKeys, checkNumber, checkShape } from '@dendrite/backend/internal';
import { householderQr } from './householder-qr';
import { castTo, RandomInitializer } from './random-initializer';

/** Arguments of {@link Orthogonal}. */
export interface OrthogonalArgs {
  /** The factor on the orthogonal matrix; 1 by default. */
  gain?: number;
  /** An integer for repeatable draws; none by default (see {@link RandomInitializer}). */
  seed?: number | null;
}

/**
 * A random orthogonal matrix times `gain` (Keras `Orthogonal`, alias `OrthogonalInitializer`;
 * config `{ seed, gain }`), computed as Keras: a normal matrix of shape
 * `[max(rows, cols), min(rows, cols)]` (rows: the product of every axis but the last), its QR
 * decomposition, Q's columns multiplied by the signs of R's diagonal, transposed when there are
 * fewer rows than columns, and reshaped to `shape`. So a tall matrix W has WᵀW = gain²·I and a
 * wide one WWᵀ = gain²·I. The QR runs in float64 on the CPU, once per weight.
 *
 * @example
 * ```ts
 * new Orthogonal({ gain: 1, seed: 3 }).call([64, 256]); // an LSTM recurrent kernel
 * ```
 */
export class Orthogonal extends RandomInitializer {
  static override className = 'Orthogonal';
  /** The option keys of the constructor. */
  static readonly optionKeys = optionKeys<OrthogonalArgs>({ gain: true, seed: true });
  /** The factor on the orthogonal matrix. */
  readonly gain: number;

  /**
   * @throws TypeError for an unknown option key
   * @throws Error when `gain` is not a finite number or the seed is not an integer */
  constructor(args: OrthogonalArgs = {}) {
    super(args.seed);
    checkOptionKeys(args, Orthogonal.optionKeys, this.className);
    this.gain = checkNumber(args.gain ?? 1, 'gain', `initializer ${this.className}`);
  }

  /**
   * A new orthogonal tensor of `shape`.
   *
   * @throws Error when `shape` has rank below 2
   */
  call(shape: number[], dtype: tf.DataType = 'float32'): tf.Tensor {
    checkShape(shape, `initializer ${this.className}`);
    if (shape.length < 2) {
      throw new Error(`Expected a shape of rank ≥ 2 in initializer Orthogonal, received ${describeValue(shape)} of rank ${shape.length}`);
    }
    const columns = shape[shape.length - 1];
    const rows = shape.slice(0, -1).reduce((product, size) => product * size, 1);
    const tall = Math.max(rows, columns);
    const narrow = Math.min(rows, columns);
    const normal = tf.randomNormal([tall, narrow], 0, 1, 'float32', this.drawSeed());
    const draws = normal.dataSync();
    normal.dispose();
    const { q, rDiagonal } = householderQr(draws, tall, narrow);
    const values = new Float32Array(rows * columns);
    for (let i = 0; i < tall; i++) {
      for (let j = 0; j < narrow; j++) {
        const value = q[i * narrow + j] * (rDiagonal[j] < 0 ? -this.gain : this.gain);
        // q is tall × narrow; with fewer rows than columns the weight is its transpose.
        values[rows >= columns ? i * columns + j : j * columns + i] = value;
      }
    }
    return castTo(tf.tensor(values, shape, 'float32'), dtype);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), gain: this.gain };
  }
}
