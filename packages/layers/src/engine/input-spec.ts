import { shapeToString } from './shape';

/**
 * What a layer accepts, as Keras's `InputSpec`: a rank (`ndim`, `minNdim`, `maxNdim`), sizes of
 * given axes (`axes: {[-1]: 784}`), a full `shape` with nulls for free sizes.
 */
export interface InputSpec {
  ndim?: number;
  minNdim?: number;
  maxNdim?: number;
  axes?: Record<number, number>;
  shape?: Array<number | null>;
}

/**
 * Checks one input shape against a layer's spec.
 *
 * @throws Error naming the layer, expected vs received: `Expected inputShape of rank 2, received
 *   [28, 28, 1] in layer "dense_1"`; a spec with both `minNdim` and `maxNdim` names the range
 *   (`of rank 3 or 4`, `of rank 2 to 5`)
 */
export function assertInputCompatible(spec: InputSpec, shape: readonly (number | null)[], layerName: string, inputIndex = 0): void {
  const where = `in layer "${layerName}"${inputIndex > 0 ? ` (input ${inputIndex})` : ''}`;
  const received = shapeToString(shape);
  const rank = shape.length;
  if (spec.ndim !== undefined && rank !== spec.ndim) {
    throw new Error(`Expected inputShape of rank ${spec.ndim}, received ${received} ${where}`);
  }
  if (spec.minNdim !== undefined && spec.maxNdim !== undefined && (rank < spec.minNdim || rank > spec.maxNdim)) {
    const ranks = spec.maxNdim === spec.minNdim + 1 ? `${spec.minNdim} or ${spec.maxNdim}` : `${spec.minNdim} to ${spec.maxNdim}`;
    throw new Error(`Expected inputShape of rank ${ranks}, received ${received} ${where}`);
  }
  if (spec.minNdim !== undefined && rank < spec.minNdim) {
    throw new Error(`Expected inputShape of rank ≥ ${spec.minNdim}, received ${received} ${where}`);
  }
  if (spec.maxNdim !== undefined && rank > spec.maxNdim) {
    throw new Error(`Expected inputShape of rank ≤ ${spec.maxNdim}, received ${received} ${where}`);
  }
  for (const [axisText, size] of Object.entries(spec.axes ?? {})) {
    const axis = Number(axisText);
    const actual = shape[axis < 0 ? rank + axis : axis];
    if (actual !== null && actual !== undefined && actual !== size) {
      throw new Error(`Expected axis ${axis} of the input to have size ${size}, received shape ${received} ${where}`);
    }
  }
  if (spec.shape !== undefined) {
    const expected = spec.shape;
    const compatible = expected.length === rank && expected.every((size, axis) => size === null || shape[axis] === null || shape[axis] === size);
    if (!compatible) throw new Error(`Expected inputShape ${shapeToString(expected)}, received ${received} ${where}`);
  }
}
