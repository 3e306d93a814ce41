/** Checks shared by layer constructors; each Error names the argument and the layer. */
import { describeValue } from '@dendrite/backend/internal';

/** An integer ≥ 1. */
export function checkPositiveInteger(value: unknown, argumentName: string, layerName: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new Error(`Expected ${argumentName} to be an integer ≥ 1, received ${describeValue(value)} in layer "${layerName}"`);
  }
  return value;
}

/** A rate in [0, 1). */
export function checkRate(value: unknown, argumentName: string, layerName: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new Error(`Expected ${argumentName} to be a number in [0, 1), received ${describeValue(value)} in layer "${layerName}"`);
  }
  return value;
}

/** One integer or a tuple of `rank` integers ≥ 1 (kernel sizes, strides, pool sizes). */
export function normalizeTuple(value: unknown, rank: number, argumentName: string, layerName: string, minimum = 1): number[] {
  const list = typeof value === 'number' ? new Array<number>(rank).fill(value) : value;
  if (!Array.isArray(list) || list.length !== rank || list.some((entry) => !Number.isInteger(entry) || entry < minimum)) {
    throw new Error(
      `Expected ${argumentName} to be an integer ≥ ${minimum} or a list of ${rank} of them, received ${describeValue(value)} in layer "${layerName}"`,
    );
  }
  return [...list] as number[];
}

/** One of a set of strings, compared case-insensitively. */
export function checkOneOf<T extends string>(value: unknown, allowed: readonly T[], argumentName: string, layerName: string): T {
  const lowered = typeof value === 'string' ? value.toLowerCase() : value;
  if (!allowed.includes(lowered as T)) {
    throw new Error(`Expected ${argumentName} to be one of ${allowed.join(', ')}, received ${describeValue(value)} in layer "${layerName}"`);
  }
  return lowered as T;
}
