import { createRandom } from '@dendrite/backend';

/** `size` floats in [low, high) from a fixed seed: the same test data every run. */
export function seededArray(size: number, seed: number, low = -1, high = 1): Float32Array {
  const draw = createRandom(seed);
  return Float32Array.from({ length: size }, () => low + (high - low) * draw());
}

/** `size` integers in [low, high) from a fixed seed. */
export function seededIntArray(size: number, seed: number, low: number, high: number): Int32Array {
  const draw = createRandom(seed);
  return Int32Array.from({ length: size }, () => low + Math.floor((high - low) * draw()));
}
