import { nextSeed, tf } from '@dendrite/backend';
import { Initializer } from './initializer';
import { checkSeed } from '@dendrite/backend/internal';

/**
 * The base of the random initializers (Keras's `RandomInitializer`): holds the optional `seed`.
 * With a seed, every call draws the same values (as Keras with an integer seed). Without one,
 * each call takes its seed from `nextSeed()` of `@dendrite/backend`, so after `setSeed(n)` a
 * program initialises the same weights on every run, and without `setSeed` draws freely.
 */
export abstract class RandomInitializer extends Initializer {
  /** The seed given at construction, or undefined. */
  readonly seed: number | undefined;

  /**
   * @param seed an integer, or undefined/null for none
   * @throws Error when `seed` is not an integer
   */
  constructor(seed: number | null | undefined) {
    super();
    this.seed = checkSeed(seed, `initializer ${this.className}`);
  }

  /** The seed of one draw: this initializer's own, or the next of the global stream. */
  protected drawSeed(): number | undefined {
    return this.seed ?? nextSeed();
  }

  /** `{ seed }`, null when unseeded, as Keras writes it. */
  override getConfig(): Record<string, unknown> {
    return { seed: this.seed ?? null };
  }
}

/** `tensor` in `dtype`: itself when it already is, else a cast copy (and `tensor` is disposed). */
export function castTo(tensor: tf.Tensor, dtype: tf.DataType): tf.Tensor {
  if (tensor.dtype === dtype) return tensor;
  const cast = tf.cast(tensor, dtype);
  tensor.dispose();
  return cast;
}
