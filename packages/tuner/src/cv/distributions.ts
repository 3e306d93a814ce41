import { describeValue } from '@dendrite/backend/internal';

/** A distribution to sample a parameter from, as scipy.stats' frozen distributions (`rvs`). */
export interface Distribution {
  /** One draw, from a generator of uniforms in [0, 1). */
  rvs(random: () => number): number;
}

/**
 * scipy's `reciprocal(a, b)` (`loguniform`): uniform in log space between a and b.
 *
 * @throws RangeError unless 0 < a < b
 * @example `reciprocal(3e-4, 3e-2)`
 */
export function reciprocal(a: number, b: number): Distribution {
  if (!(a > 0 && b > a)) throw new RangeError(`Expected 0 < a < b for reciprocal(a, b), received ${describeValue(a)} and ${describeValue(b)}`);
  return { rvs: (random) => Math.exp(Math.log(a) + random() * (Math.log(b) - Math.log(a))) };
}

/** scipy's `loguniform`, the same as {@link reciprocal}. */
export const loguniform = reciprocal;

/** scipy's `uniform(loc, scale)`: uniform in [loc, loc + scale). */
export function uniform(loc = 0, scale = 1): Distribution {
  if (!(scale > 0)) throw new RangeError(`Expected a positive scale for uniform(loc, scale), received ${describeValue(scale)}`);
  return { rvs: (random) => loc + random() * scale };
}

/** scipy's `randint(low, high)`: integers in [low, high). */
export function randint(low: number, high: number): Distribution {
  if (!(Number.isInteger(low) && Number.isInteger(high) && high > low)) throw new RangeError(`Expected integers low < high for randint(low, high), received ${describeValue(low)} and ${describeValue(high)}`);
  return { rvs: (random) => low + Math.floor(random() * (high - low)) };
}
