import { describeValue } from '@dendrite/backend/internal';
import type { Shape } from '../engine/shape';

/** `[before, after]` amounts along one axis. */
export type PaddingPair = [number, number];

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * Keras's 1-D padding/cropping argument: `n` (both sides) or `[before, after]`, integers ≥ 0.
 *
 * @param value the argument as given
 * @param argumentName its name, for the message
 * @param layerName the layer, for the message
 * @returns `[before, after]`
 * @throws Error naming the layer and the argument, expected vs received
 * @example
 * ```ts
 * normalizePair(2, 'padding', 'zero_padding1d'); // [2, 2]
 * ```
 */
export function normalizePair(value: unknown, argumentName: string, layerName: string): PaddingPair {
  if (isNonNegativeInteger(value)) return [value, value];
  if (Array.isArray(value) && value.length === 2 && value.every(isNonNegativeInteger)) return [value[0], value[1]];
  throw new Error(`Expected ${argumentName} to be an integer ≥ 0 or [before, after], received ${describeValue(value)} in layer "${layerName}"`);
}

/**
 * Keras's 2-D padding/cropping argument: `n` (every side), `[rows, columns]` (both sides of each)
 * or `[[top, bottom], [left, right]]`, integers ≥ 0.
 *
 * @param value the argument as given
 * @param argumentName its name, for the message
 * @param layerName the layer, for the message
 * @returns `[[top, bottom], [left, right]]`
 * @throws Error naming the layer and the argument, expected vs received
 * @example
 * ```ts
 * normalizePairs2d([1, 2], 'padding', 'zero_padding2d'); // [[1, 1], [2, 2]]
 * ```
 */
export function normalizePairs2d(value: unknown, argumentName: string, layerName: string): [PaddingPair, PaddingPair] {
  if (isNonNegativeInteger(value)) return [[value, value], [value, value]];
  if (Array.isArray(value) && value.length === 2) {
    if (value.every(isNonNegativeInteger)) return [[value[0], value[0]], [value[1], value[1]]];
    if (value.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every(isNonNegativeInteger))) {
      return [[value[0][0], value[0][1]], [value[1][0], value[1][1]]];
    }
  }
  throw new Error(
    `Expected ${argumentName} to be an integer ≥ 0, [rows, columns] or [[top, bottom], [left, right]], received ${describeValue(value)} in layer "${layerName}"`,
  );
}

/**
 * The shape after adding (`sign` 1: padding) or removing (`sign` −1: cropping) `[before, after]`
 * amounts along the spatial axes 1…n of `[batch, …spatial, channels]`; unknown sizes stay unknown.
 *
 * @returns the new shape, or null when an axis would be left with no entries (cropping too much)
 */
export function borderedShape(shape: Shape, pairs: readonly PaddingPair[], sign: 1 | -1): Shape | null {
  const out = [...shape];
  for (const [index, [before, after]] of pairs.entries()) {
    const size = shape[index + 1];
    if (size === null) continue;
    const next = size + sign * (before + after);
    if (next < 1) return null;
    out[index + 1] = next;
  }
  return out;
}
