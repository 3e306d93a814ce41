/**
 * The argument checks every Dendrite constructor, factory and options object runs: one message
 * shape, `Expected <argument> to be <expected>, received <value> in <owner>`, and one error class
 * per cause — `TypeError` when the value has the wrong type (a string for a rate), `RangeError`
 * when it has the right type but lies outside what is allowed (a rate of 1.5, `NaN`, `Infinity`).
 *
 * The owner is a phrase naming what takes the argument, always last: `layer "dense_1"`
 * ({@link layerOwner}), `initializer GlorotUniform`, `optimizer "adam"`, `loss "mse"`,
 * `EarlyStopping`, `fit`.
 */
import { describeValue } from './describe-value';

/** A condition on a finite number, and how a message states it after "Expected x to be". */
export interface NumberRule {
  /** Whether a finite number satisfies the rule. */
  readonly test: (value: number) => boolean;
  /** The rule in words: `a finite number ≥ 0`. */
  readonly expected: string;
}

/** Any finite number. */
export const FINITE: NumberRule = { test: () => true, expected: 'a finite number' };
/** A finite number ≥ 0 (learning rates, epsilon, slopes, penalty factors). */
export const NON_NEGATIVE: NumberRule = { test: (value) => value >= 0, expected: 'a finite number ≥ 0' };
/** A finite number > 0 (clipping thresholds, decay steps, Huber's delta). */
export const POSITIVE: NumberRule = { test: (value) => value > 0, expected: 'a finite number > 0' };
/** A number in [0, 1) (dropout rates, β₁, β₂, ρ: a decay that must forget). */
export const FRACTION: NumberRule = { test: (value) => value >= 0 && value < 1, expected: 'a number in [0, 1)' };
/** A number in [0, 1] (momentum, label smoothing). */
export const CLOSED_FRACTION: NumberRule = { test: (value) => value >= 0 && value <= 1, expected: 'a number in [0, 1]' };
/** An integer ≥ 0 (step counts, patience). */
export const STEP_COUNT: NumberRule = { test: (value) => Number.isInteger(value) && value >= 0, expected: 'an integer ≥ 0' };

/**
 * A finite number ≥ `minimum`.
 *
 * @example `checkNumber(alpha, 'alpha', 'activation elu', atLeast(0))`
 */
export function atLeast(minimum: number): NumberRule {
  return { test: (value) => value >= minimum, expected: `a finite number ≥ ${minimum}` };
}

/**
 * A number in `[low, high]`, or `(low, high)` when `open`.
 *
 * @example `checkNumber(0.5, 'threshold', 'metric "binary_accuracy"', inInterval(0, 1, true))`
 */
export function inInterval(low: number, high: number, open = false): NumberRule {
  return open
    ? { test: (value) => value > low && value < high, expected: `a number in (${low}, ${high})` }
    : { test: (value) => value >= low && value <= high, expected: `a number in [${low}, ${high}]` };
}

/**
 * The owner phrase of a layer's arguments.
 *
 * @param name the layer's name
 * @returns `layer "dense_1"`
 */
export function layerOwner(name: string): string {
  return `layer "${name}"`;
}

/**
 * The message every check throws.
 *
 * @returns `Expected <argumentName> to be <expected>, received <value> in <owner>`
 */
export function expectedMessage(argumentName: string, expected: string, value: unknown, owner: string): string {
  return `Expected ${argumentName} to be ${expected}, received ${describeValue(value)} in ${owner}`;
}

/**
 * The error for a value that is not what an argument takes, by cause: `RangeError` when it has the
 * expected type but an allowed value it is not (a rate of 1.5, the string `'avg'` for a pooling
 * mode), `TypeError` when it has another type (a string for a rate).
 *
 * @param value what the caller passed
 * @param expectedType the `typeof` of the values the argument takes
 * @param message the message, naming the argument, what was expected and what was received
 * @example `throw argumentError(units, 'number', expectedMessage('units', 'an integer ≥ 1', units, layerOwner(name)))`
 */
export function argumentError(value: unknown, expectedType: 'number' | 'string', message: string): TypeError | RangeError {
  return typeof value === expectedType ? new RangeError(message) : new TypeError(message);
}

/**
 * Returns `value` when it is a finite number satisfying `rule`.
 *
 * @param value what the caller passed
 * @param argumentName the argument's name in the API (`learningRate`)
 * @param owner what takes the argument (`optimizer "adam"`)
 * @param rule the condition, {@link FINITE} by default
 * @throws TypeError when `value` is not a number
 * @throws RangeError when it is `NaN`, infinite or fails `rule`
 * @example
 * ```ts
 * checkNumber(-1, 'learningRate', 'optimizer "adam"', NON_NEGATIVE);
 * // RangeError: Expected learningRate to be a finite number ≥ 0, received -1 in optimizer "adam"
 * ```
 */
export function checkNumber(value: unknown, argumentName: string, owner: string, rule: NumberRule = FINITE): number {
  if (typeof value !== 'number') throw new TypeError(expectedMessage(argumentName, rule.expected, value, owner));
  if (!Number.isFinite(value) || !rule.test(value)) throw new RangeError(expectedMessage(argumentName, rule.expected, value, owner));
  return value;
}

/**
 * Returns `value` when it is an integer ≥ `minimum`.
 *
 * @throws TypeError when `value` is not a number; RangeError when it is not an integer ≥ `minimum`
 * @example `checkInteger(0, 'k', 'metric "top_k"', 1)` throws `Expected k to be an integer ≥ 1, received 0 in metric "top_k"`
 */
export function checkInteger(value: unknown, argumentName: string, owner: string, minimum = 0): number {
  const expected = `an integer ≥ ${minimum}`;
  if (typeof value !== 'number') throw new TypeError(expectedMessage(argumentName, expected, value, owner));
  if (!Number.isInteger(value) || value < minimum) throw new RangeError(expectedMessage(argumentName, expected, value, owner));
  return value;
}

/**
 * Returns `value` when it is an integer ≥ 1 (units, filters, heads).
 *
 * @throws TypeError / RangeError as {@link checkInteger}
 */
export function checkPositiveInteger(value: unknown, argumentName: string, owner: string): number {
  return checkInteger(value, argumentName, owner, 1);
}

/**
 * Returns a seed (an integer), or `undefined` for none; `null` (as configs write "no seed") is none.
 *
 * @throws TypeError when the seed is not a number; RangeError when it is not an integer
 */
export function checkSeed(value: unknown, owner: string): number | undefined {
  if (value == null) return undefined;
  return checkNumber(value, 'seed', owner, { test: Number.isInteger, expected: 'an integer or undefined' });
}

/**
 * Returns `value` when it is a boolean.
 *
 * @throws TypeError `Expected nesterov to be a boolean, received "yes" in optimizer "SGD"`
 */
export function checkBoolean(value: unknown, argumentName: string, owner: string): boolean {
  if (typeof value !== 'boolean') throw new TypeError(expectedMessage(argumentName, 'a boolean', value, owner));
  return value;
}

/**
 * Returns one of `allowed`, compared case-insensitively (`'SAME'` → `'same'`).
 *
 * @throws TypeError when `value` is not a string; RangeError when it is another string
 * @example `checkOneOf('full', ['valid', 'same'], 'padding', layerOwner('conv2d'))` throws `Expected padding to be one of valid, same, received "full" in layer "conv2d"`
 */
export function checkOneOf<T extends string>(value: unknown, allowed: readonly T[], argumentName: string, owner: string): T {
  const lowered = typeof value === 'string' ? value.toLowerCase() : value;
  if (!allowed.includes(lowered as T)) {
    const message = expectedMessage(argumentName, `one of ${allowed.join(', ')}`, value, owner);
    throw typeof value === 'string' ? new RangeError(message) : new TypeError(message);
  }
  return lowered as T;
}

/**
 * One integer, or a list of `rank` integers, each ≥ `minimum` (kernel sizes, strides, pool sizes),
 * as a list of `rank`.
 *
 * @throws TypeError when `value` is neither a number nor a list; RangeError otherwise
 * @example `checkTuple(3, 2, 'kernelSize', layerOwner('conv2d'))` → `[3, 3]`
 */
export function checkTuple(value: unknown, rank: number, argumentName: string, owner: string, minimum = 1): number[] {
  const list = typeof value === 'number' ? new Array<number>(rank).fill(value) : value;
  const expected = `an integer ≥ ${minimum} or a list of ${rank} of them`;
  if (!Array.isArray(list)) throw new TypeError(expectedMessage(argumentName, expected, value, owner));
  if (list.length !== rank || list.some((entry) => !Number.isInteger(entry) || entry < minimum)) {
    throw new RangeError(expectedMessage(argumentName, expected, value, owner));
  }
  return [...list] as number[];
}

/**
 * Returns `shape` when it is a list of integers ≥ 0.
 *
 * @throws TypeError when it is not a list; RangeError when an entry is not an integer ≥ 0
 */
export function checkShape(shape: unknown, owner: string): number[] {
  const expected = 'an array of non-negative integers';
  if (!Array.isArray(shape)) throw new TypeError(expectedMessage('shape', expected, shape, owner));
  if (!shape.every((size) => Number.isInteger(size) && size >= 0)) throw new RangeError(expectedMessage('shape', expected, shape, owner));
  return shape;
}
