import { describeValue } from '@dendrite/backend/internal';

/**
 * Checks a penalty factor as Keras's `validate_float_arg`: a finite number ≥ 0.
 *
 * @param value the factor
 * @param argumentName `l1` or `l2`
 * @param className the regularizer's Keras class name
 * @returns the factor
 * @throws Error `Expected <name> to be a finite number ≥ 0 in regularizer <class>, received <value>`
 */
export function checkFactor(value: unknown, argumentName: string, className: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`Expected ${argumentName} to be a finite number ≥ 0 in regularizer ${className}, received ${describeValue(value)}`);
  }
  return value;
}
