import { describeValue } from '@dendrite/backend/internal';

/**
 * A finite number ≥ 0 (slopes, thresholds, caps of the ReLU family).
 *
 * @throws Error naming the argument and the layer, expected vs received
 */
export function checkNonNegative(value: unknown, argumentName: string, layerName: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`Expected ${argumentName} to be a finite number ≥ 0, received ${describeValue(value)} in layer "${layerName}"`);
  }
  return value;
}

