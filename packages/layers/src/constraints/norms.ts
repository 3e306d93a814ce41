import { tf } from '@dendrite/backend';
import { describeValue } from '@dendrite/backend/internal';

/** Keras's `backend.epsilon()`, added to norms before dividing by them. */
export const EPSILON = 1e-7;

/** The axis argument of the norm constraints: one axis or several, negative from the end. */
export type NormAxis = number | number[];

/**
 * Checks a numeric argument of a constraint and returns it.
 *
 * @throws Error `Expected <name> to be <expected> in constraint <class>, received <value>`
 */
export function checkNumber(value: unknown, argumentName: string, className: string, condition: (value: number) => boolean, expected: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !condition(value)) {
    throw new Error(`Expected ${argumentName} to be ${expected} in constraint ${className}, received ${describeValue(value)}`);
  }
  return value;
}

/**
 * Checks an axis argument (an integer or an array of integers) and returns a copy.
 *
 * @throws Error naming the axis received
 */
export function checkAxis(axis: unknown, className: string): NormAxis {
  const isInteger = (value: unknown) => Number.isInteger(value);
  if (isInteger(axis)) return axis as number;
  if (Array.isArray(axis) && axis.length > 0 && axis.every(isInteger)) return [...(axis as number[])];
  throw new Error(`Expected axis to be an integer or a non-empty array of integers in constraint ${className}, received ${describeValue(axis)}`);
}

/**
 * The L2 norms of `weight` along `axis`, kept as size-1 axes so they broadcast back.
 *
 * @throws Error when an axis is outside [−rank, rank)
 */
export function norms(weight: tf.Tensor, axis: NormAxis, className: string): tf.Tensor {
  const axes = typeof axis === 'number' ? [axis] : axis;
  const rank = weight.rank;
  if (axes.some((value) => value < -rank || value >= rank)) {
    throw new Error(`Expected axis to be within [${-rank}, ${rank}) in constraint ${className}, received ${describeValue(axis)} for a weight of rank ${rank}`);
  }
  return tf.tidy(() => tf.sqrt(tf.sum(tf.square(weight), axes, true)));
}
