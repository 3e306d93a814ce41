import { describeValue } from '@dendrite/backend/internal';

/**
 * Checks `axis` (one axis or several, negative counting from the end) against a tensor's rank and
 * returns the axes as non-negative numbers.
 *
 * @param axis the axis option of an activation
 * @param rank the input's rank
 * @param activationName the activation's Keras name, for the error
 * @throws RangeError when an axis is not an integer in [−rank, rank)
 */
export function resolveAxes(axis: number | readonly number[], rank: number, activationName: string): number[] {
  const axes = typeof axis === 'number' ? [axis] : [...axis];
  for (const value of axes) {
    if (!Number.isInteger(value) || value < -rank || value >= rank) {
      throw new RangeError(`Expected axis to be an integer in [${-rank}, ${rank}), received ${describeValue(axis)} for an input of rank ${rank} in activation ${activationName}`);
    }
  }
  return axes.map((value) => (value < 0 ? value + rank : value));
}
