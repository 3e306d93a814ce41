import { describeValue } from '@dendrite/backend/internal';

/**
 * Checks a numeric option of a built-in activation and returns it; the error names the option,
 * the activation, what was expected and what was received.
 *
 * @param value the option's value
 * @param optionName the option's name (`negativeSlope`)
 * @param activationName the activation's Keras name (`relu`)
 * @param minimum the smallest value allowed, if any
 * @throws Error when `value` is not a finite number at least `minimum`
 */
export function checkOption(value: unknown, optionName: string, activationName: string, minimum?: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || (minimum !== undefined && value < minimum)) {
    const expected = minimum === undefined ? 'a finite number' : `a finite number ≥ ${minimum}`;
    throw new Error(`Expected ${optionName} to be ${expected} in activation ${activationName}, received ${describeValue(value)}`);
  }
  return value;
}
