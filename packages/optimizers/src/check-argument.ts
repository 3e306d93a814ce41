import { describeValue } from '@dendrite/backend/internal';

/** A condition on a numeric argument and how an error message states it. */
export interface NumberRule {
  /** Whether a finite number satisfies the rule. */
  test: (value: number) => boolean;
  /** The rule in words, after "Expected x to be". */
  expected: string;
}

/** A finite number ≥ 0 (learning rates, epsilon, weight decay). */
export const NON_NEGATIVE: NumberRule = { test: (v) => v >= 0, expected: 'a finite number ≥ 0' };
/** A finite number > 0 (clipping thresholds, decay steps). */
export const POSITIVE: NumberRule = { test: (v) => v > 0, expected: 'a finite number > 0' };
/** A number in [0, 1) (β₁, β₂, ρ: a decay that must forget). */
export const FRACTION: NumberRule = { test: (v) => v >= 0 && v < 1, expected: 'a number in [0, 1)' };
/** A number in [0, 1] (momentum, as Keras checks it). */
export const CLOSED_FRACTION: NumberRule = { test: (v) => v >= 0 && v <= 1, expected: 'a number in [0, 1]' };
/** An integer ≥ 0 (step counts). */
export const STEP_COUNT: NumberRule = { test: (v) => Number.isInteger(v) && v >= 0, expected: 'an integer ≥ 0' };

/** A value as error messages show it (the one shared by every package). */
export { describeValue };

/**
 * Returns `value` when it is a finite number satisfying `rule`.
 *
 * @param owner what the argument belongs to, for the message: `optimizer "adam"`, `schedule "CosineDecay"`
 * @throws Error `Expected learningRate to be a finite number ≥ 0, received -1 in optimizer "adam"`
 */
export function checkNumber(value: unknown, argumentName: string, rule: NumberRule, owner: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !rule.test(value)) {
    throw new Error(`Expected ${argumentName} to be ${rule.expected}, received ${describeValue(value)} in ${owner}`);
  }
  return value;
}

/**
 * Returns `value` when it is a boolean.
 *
 * @throws Error `Expected nesterov to be a boolean, received "yes" in optimizer "SGD"`
 */
export function checkBoolean(value: unknown, argumentName: string, owner: string): boolean {
  if (typeof value !== 'boolean') throw new Error(`Expected ${argumentName} to be a boolean, received ${describeValue(value)} in ${owner}`);
  return value;
}
