import { createRandom } from '../index';

/**
 * `size` floats in [low, high) from a fixed seed: the same test data every run.
 *
 * @example
 * ```ts
 * const x = tf.tensor(seededArray(12, 7), [3, 4]);
 * ```
 */
export function seededArray(size: number, seed: number, low = -1, high = 1): Float32Array {
  const draw = createRandom(seed);
  return Float32Array.from({ length: size }, () => low + (high - low) * draw());
}

/**
 * `size` integers in [low, high) from a fixed seed.
 *
 * @example
 * ```ts
 * const labels = tf.tensor1d(seededIntArray(8, 3, 0, 10), 'int32');
 * ```
 */
export function seededIntArray(size: number, seed: number, low: number, high: number): Int32Array {
  const draw = createRandom(seed);
  return Int32Array.from({ length: size }, () => low + Math.floor((high - low) * draw()));
}
