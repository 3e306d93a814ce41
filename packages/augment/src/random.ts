import { createRandom } from '@dendrite/backend';

/** A uniform draw in [0, 1) from a seeded stream. */
export type Draw = () => number;

/** A seeded stream of uniform draws: `seed` repeats a sequence; without one, `setSeed`'s stream decides. */
export function randomStream(seed?: number): Draw {
  return createRandom(seed);
}

/** Uniform in [low, high). */
export function uniform(draw: Draw, low: number, high: number): number {
  return low + (high - low) * draw();
}
