import { nextSeed } from '@dendrite/backend';
import { describeValue, argumentError, mulberry32Bits } from '@dendrite/backend/internal';

/**
 * The seeds of one layer's random ops, as Keras's `SeedGenerator`: with a `seed`, the layer has its
 * own stream, so two layers built with one seed draw the same masks and each call draws new ones;
 * without, every draw comes from Dendrite's global stream (`nextSeed`), which `setSeed(n)` makes
 * repeatable.
 *
 * An own stream's position can be read ({@link SeedGenerator.getState}) and put back
 * ({@link SeedGenerator.setState}), so that BackupAndRestore resumes a run bit for bit.
 *
 * @example
 * ```ts
 * const seeds = new SeedGenerator(42, 'dropout');
 * tf.dropout(x, 0.5, undefined, seeds.next());
 * ```
 */
export class SeedGenerator {
  /** mulberry32's state of the own stream; undefined for the global stream. */
  private state?: number;

  /**
   * @param seed an integer in [0, 2³²), or undefined for the global stream
   * @param layerName the layer that owns the generator, for error messages
   * @throws Error naming the layer when `seed` is not such an integer
   */
  constructor(
    readonly seed: number | undefined,
    private readonly layerName: string,
  ) {
    if (seed === undefined) return;
    if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw argumentError(seed, 'number', `Expected seed to be an integer in [0, 4294967295], received ${describeValue(seed)} in layer "${layerName}"`);
    }
    this.state = seed | 0;
  }

  /** The seed of the next random op: from the own stream, else the global one (undefined when unseeded). */
  next(): number | undefined {
    if (this.state === undefined) return nextSeed();
    const [state, bits] = mulberry32Bits(this.state);
    this.state = state;
    return Math.floor(((bits >>> 0) / 4294967296) * 0x7fffffff);
  }

  /** Where the own stream is (an int32), or undefined when the layer draws from the global stream. */
  getState(): number | undefined {
    return this.state;
  }

  /**
   * Puts the own stream back where {@link getState} found it.
   *
   * @throws Error naming the layer when it has no own stream (no `seed`)
   * @throws TypeError naming the layer when `state` is not an int32
   */
  setState(state: number): void {
    if (this.state === undefined) throw new Error(`Expected layer "${this.layerName}" to have a seed to restore its random stream, received a layer without one`);
    if (typeof state !== 'number' || !Number.isInteger(state) || state < -0x80000000 || state > 0x7fffffff) {
      throw new TypeError(`Expected the random state of layer "${this.layerName}" to be an int32, received ${describeValue(state)}`);
    }
    this.state = state;
  }
}
