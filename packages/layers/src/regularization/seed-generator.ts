import { createRandom, nextSeed } from '@dendrite/backend';
import { describeValue, argumentError } from '@dendrite/backend/internal';

/**
 * The seeds of one layer's random ops, as Keras's `SeedGenerator`: with a `seed`, the layer has its
 * own stream, so two layers built with one seed draw the same masks and each call draws new ones;
 * without, every draw comes from Dendrite's global stream (`nextSeed`), which `setSeed(n)` makes
 * repeatable.
 *
 * @example
 * ```ts
 * const seeds = new SeedGenerator(42, 'dropout');
 * tf.dropout(x, 0.5, undefined, seeds.next());
 * ```
 */
export class SeedGenerator {
  private readonly draw?: () => number;

  /**
   * @param seed an integer in [0, 2³²), or undefined for the global stream
   * @param layerName the layer that owns the generator, for error messages
   * @throws Error naming the layer when `seed` is not such an integer
   */
  constructor(
    readonly seed: number | undefined,
    layerName: string,
  ) {
    if (seed === undefined) return;
    if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw argumentError(seed, 'number', `Expected seed to be an integer in [0, 4294967295], received ${describeValue(seed)} in layer "${layerName}"`);
    }
    this.draw = createRandom(seed);
  }

  /** The seed of the next random op: from the own stream, else the global one (undefined when unseeded). */
  next(): number | undefined {
    return this.draw === undefined ? nextSeed() : Math.floor(this.draw() * 0x7fffffff);
  }
}
