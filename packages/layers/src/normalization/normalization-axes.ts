import { tf } from '@dendrite/backend';
import { describeValue } from '@dendrite/backend/internal';

/**
 * An axis in [0, rank): negative axes count from the end.
 *
 * @throws Error naming the layer and the argument when the axis is outside [−rank, rank)
 */
export function normalizeAxis(axis: number, rank: number, argumentName: string, layerName: string): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new Error(`Expected ${argumentName} to be an axis of a rank-${rank} input, in [${-rank}, ${rank - 1}], received ${describeValue(axis)} in layer "${layerName}"`);
  }
  return axis < 0 ? rank + axis : axis;
}

/**
 * Reshapes per-feature statistics or weights (sized by the input's `axes`) so that they broadcast
 * against an input of `shape`; a vector for the last axis is already broadcastable.
 */
export function broadcastToAxes(value: tf.Tensor, shape: readonly number[], axes: readonly number[]): tf.Tensor {
  // Stryker disable next-line ConditionalExpression: the callers pass sorted distinct axes, so `axes[0]` being the last axis already means one axis (`axes.length === 1` → true changes nothing); the other conditions are killed by normalization-axes.test.ts
  if (axes.length === 1 && axes[0] === shape.length - 1 && value.rank === 1) return value;
  return tf.reshape(value, shape.map((size, axis) => (axes.includes(axis) ? size : 1)));
}
