import { describeValue } from '@dendrite/backend/internal';

/**
 * Checks `value` lies in [low, high] (or the open interval), for constructor arguments such as
 * `labelSmoothing` and `thresholds`.
 *
 * @param value what the caller passed
 * @param argumentName the argument's name in the API (`labelSmoothing`)
 * @param owner what takes the argument, as it appears in errors (`loss "binary_crossentropy"`)
 * @returns `value`, checked
 * @throws Error naming the argument, the interval and what was received
 * @example
 * ```ts
 * checkInRange(0.1, 'labelSmoothing', 'loss "binary_crossentropy"', 0, 1); // 0.1
 * ```
 */
export function checkInRange(value: unknown, argumentName: string, owner: string, low: number, high: number, open = false): number {
  const inside = typeof value === 'number' && (open ? value > low && value < high : value >= low && value <= high);
  if (!inside) {
    const interval = open ? `(${low}, ${high})` : `[${low}, ${high}]`;
    throw new Error(`Expected ${argumentName} to be a number in ${interval}, received ${describeValue(value)} in ${owner}`);
  }
  return value as number;
}

/**
 * Checks `value` is a number above `low` (`delta > 0`).
 *
 * @throws Error naming the argument, the bound and what was received
 * @example
 * ```ts
 * checkPositive(1, 'delta', 'loss "huber_loss"'); // 1
 * ```
 */
export function checkPositive(value: unknown, argumentName: string, owner: string): number {
  if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
    throw new Error(`Expected ${argumentName} to be a finite number > 0, received ${describeValue(value)} in ${owner}`);
  }
  return value;
}

/**
 * Checks `value` is an integer ≥ `low` (`k ≥ 1`, `numThresholds ≥ 2`).
 *
 * @throws Error naming the argument, the bound and what was received
 * @example
 * ```ts
 * checkInteger(5, 'k', 'metric "top_k_categorical_accuracy"', 1); // 5
 * ```
 */
export function checkInteger(value: unknown, argumentName: string, owner: string, low: number): number {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= low)) {
    throw new Error(`Expected ${argumentName} to be an integer ≥ ${low}, received ${describeValue(value)} in ${owner}`);
  }
  return value;
}

/** A value as error messages show it (the one shared by every package). */
export { describeValue };
