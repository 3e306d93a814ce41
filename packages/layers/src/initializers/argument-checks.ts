import { describeValue } from '@dendrite/backend/internal';

/**
 * Argument checks shared by the initializers. Each error names the argument and the
 * initializer, says what was expected and what was received.
 */

/**
 * Returns `value` when it is a finite number passing `condition`.
 *
 * @throws Error `Expected <name> to be <expected> in initializer <className>, received <value>`
 */
export function checkNumber(
  value: unknown,
  argumentName: string,
  className: string,
  condition: (value: number) => boolean = () => true,
  expected = 'a finite number',
): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !condition(value)) {
    throw new Error(`Expected ${argumentName} to be ${expected} in initializer ${className}, received ${describeValue(value)}`);
  }
  return value;
}

/**
 * Returns a seed (an integer) or undefined for none; null (as configs write "no seed") is none.
 *
 * @throws Error when the seed is neither an integer nor null/undefined
 */
export function checkSeed(value: unknown, className: string): number | undefined {
  if (value == null) return undefined;
  return checkNumber(value, 'seed', className, Number.isInteger, 'an integer or undefined');
}

/**
 * Returns `shape` when it is an array of non-negative integers.
 *
 * @throws Error naming the shape received
 */
export function checkShape(shape: unknown, className: string): number[] {
  if (!Array.isArray(shape) || !shape.every((size) => Number.isInteger(size) && size >= 0)) {
    throw new Error(`Expected shape to be an array of non-negative integers in initializer ${className}, received ${describeValue(shape)}`);
  }
  return shape;
}
