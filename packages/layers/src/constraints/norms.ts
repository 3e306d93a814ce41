import { tf } from '@dendrite/backend';
import { describeValue, expectedMessage } from '@dendrite/backend/internal';

/** Keras's `backend.epsilon()`, added to norms before dividing by them. */
export const EPSILON = 1e-7;

/** The axis argument of the norm constraints: one axis or several, negative from the end. */
export type NormAxis = number | number[];

/**
 * Checks an axis argument (an integer or an array of integers) and returns a copy.
 *
 * @throws TypeError naming the axis received
 */
export function checkAxis(axis: unknown, className: string): NormAxis {
  const isInteger = (value: unknown) => Number.isInteger(value);
  if (isInteger(axis)) return axis as number;
  if (Array.isArray(axis) && axis.length > 0 && axis.every(isInteger)) return [...(axis as number[])];
  throw new TypeError(expectedMessage('axis', 'an integer or a non-empty array of integers', axis, `constraint ${className}`));
}

/**
 * The L2 norms of `weight` along `axis`, kept as size-1 axes so they broadcast back.
 *
 * @throws RangeError when an axis is outside [−rank, rank)
 */
export function norms(weight: tf.Tensor, axis: NormAxis, className: string): tf.Tensor {
  const axes = typeof axis === 'number' ? [axis] : axis;
  const rank = weight.rank;
  if (axes.some((value) => value < -rank || value >= rank)) {
    throw new RangeError(`Expected axis to be within [${-rank}, ${rank}), received ${describeValue(axis)} for a weight of rank ${rank} in constraint ${className}`);
  }
  return tf.tidy(() => tf.sqrt(tf.sum(tf.square(weight), axes, true)));
}
