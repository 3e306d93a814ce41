import { createRandom } from './seed';

/** A uniform draw in [0, 1), as {@link createRandom} gives them. */
export type Draw = () => number;

/**
 * One draw of `draw` scaled to [low, high).
 *
 * @example
 * ```ts
 * const angle = uniform(createRandom(7), -30, 30);
 * ```
 */
export function uniform(draw: Draw, low: number, high: number): number {
  return low + (high - low) * draw();
}

/**
 * `count` uniform draws in [low, high) from `createRandom(seed)`: a stream of its own for a seed,
 * Dendrite's global stream (of `setSeed`) when `seed` is undefined.
 *
 * @throws Error when `seed` is not an integer in [0, 2³²)
 * @example
 * ```ts
 * uniformDraws(4, [0, 1], 3); // the same four numbers every time
 * ```
 */
export function uniformDraws(count: number, [low, high]: readonly [number, number], seed?: number): number[] {
  const draw = createRandom(seed);
  return Array.from({ length: count }, () => uniform(draw, low, high));
}
