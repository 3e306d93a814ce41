/** A uniform draw in [0, 1), as `createRandom(seed)` of @dendrite/backend gives them. */
export type Draw = () => number;

/** Uniform in [low, high). */
export function uniform(draw: Draw, low: number, high: number): number {
  return low + (high - low) * draw();
}
