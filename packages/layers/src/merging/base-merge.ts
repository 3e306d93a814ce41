import { tf } from '@dendrite/backend';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { type Shape, isShapeList, shapeToString } from '../engine/shape';

/**
 * Keras's `Merge._compute_elemwise_op_output_shape`: the shape of an element-wise operation on
 * two shapes (batch axis excluded), aligned on their last axes; sizes must be equal or one of
 * them 1, and an unknown size makes the result unknown.
 *
 * @param a one shape
 * @param b the other
 * @returns the broadcast shape, or null where the sizes are not compatible
 * @example
 * ```ts
 * computeElementwiseOutputShape([3, 1], [4]); // [3, 4]
 * computeElementwiseOutputShape([3], [4]);    // null
 * ```
 */
export function computeElementwiseOutputShape(a: Shape, b: Shape): Shape | null {
  if (a.length < b.length) return computeElementwiseOutputShape(b, a);
  const output = a.slice(0, a.length - b.length);
  for (const [index, j] of b.entries()) {
    const i = a[a.length - b.length + index];
    if (i === null || j === null) output.push(null);
    else if (i === 1 || j === 1 || i === j) output.push(i === 1 ? j : i);
    else return null;
  }
  return output;
}

/** Masks for the inputs of a merge layer: one per input (null where an input has none), or null. */
export type InputMasks = Array<tf.Tensor | null> | null;

/**
 * The base of the merge layers (Keras's `Merge`): takes a list of tensors and combines them into
 * one. Element-wise merges accept shapes that broadcast as Keras's, aligned on their last axes
 * (inputs of lower rank gain axes after the batch). The output mask is the OR of the input masks.
 */
export abstract class Merge extends Layer {
  /** Merge layers take a list, even of one tensor; functional-model configs rely on it. */
  readonly expectsListInput = true;
  /** The fewest inputs accepted. */
  protected readonly minInputs: number = 2;
  /** The most inputs accepted. */
  protected readonly maxInputs: number = Number.POSITIVE_INFINITY;
  /** Whether inputs of lower rank gain axes after the batch before merging (Dot: no). */
  protected readonly alignsRanks: boolean = true;

  constructor(args: LayerArgs = {}) {
    super(args);
    this.supportsMasking = true;
  }

  /**
   * Combines the inputs, of one rank by now.
   *
   * @param inputs the input tensors
   * @param masks their masks (for Maximum and Minimum), or null
   */
  protected abstract mergeFunction(inputs: tf.Tensor[], masks: InputMasks): tf.Tensor;

  /**
   * The list of input shapes.
   *
   * @throws Error naming the layer for a single input or too few or too many
   */
  protected inputShapes(inputShape: Shape | Shape[]): Shape[] {
    if (!isShapeList(inputShape)) {
      throw new Error(`Expected a list of inputs in layer "${this.name}", received one input of shape ${shapeToString(inputShape)}`);
    }
    const count = inputShape.length;
    if (count < this.minInputs || count > this.maxInputs) {
      const expected = this.minInputs === this.maxInputs ? `exactly ${this.minInputs}` : `at least ${this.minInputs}`;
      throw new Error(`Expected a list of ${expected} inputs in layer "${this.name}", received ${count}`);
    }
    return inputShape;
  }

  /** The one known batch size of `shapes`, or null. */
  protected batchSize(shapes: Shape[]): number | null {
    const sizes = new Set(shapes.map((shape) => shape[0]).filter((size) => size !== null));
    if (sizes.size > 1) {
      throw new Error(`Expected inputs of one batch size in layer "${this.name}", received ${shapes.map(shapeToString).join(', ')}`);
    }
    return sizes.size === 1 ? [...sizes][0] : null;
  }

  override build(inputShape: Shape | Shape[]): void {
    this.computeOutputShape(inputShape);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shapes = this.inputShapes(inputShape);
    const batch = this.batchSize(shapes);
    let output: Shape | null = shapes[0].slice(1);
    for (const shape of shapes.slice(1)) {
      output = computeElementwiseOutputShape(output, shape.slice(1));
      if (output === null) {
        throw new Error(`Expected inputs of compatible shapes in layer "${this.name}", received ${shapes.map(shapeToString).join(', ')}`);
      }
    }
    return [batch, ...(output as Shape)];
  }

  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    this.computeOutputShape(Array.isArray(inputs) ? list.map((tensor) => tensor.shape) : list[0].shape);
    const rank = Math.max(...list.map((tensor) => tensor.rank));
    // As Keras: a lower-rank input gains axes after the batch, so the last axes line up.
    const aligned = list.map((tensor) => {
      let result = tensor;
      while (this.alignsRanks && result.rank < rank) result = tf.expandDims(result, 1);
      return result;
    });
    const masks = Array.isArray(args.mask) ? args.mask.map((mask) => mask ?? null) : null;
    return this.mergeFunction(aligned, masks);
  }

  override computeMask(_inputs: TensorOrList, mask: tf.Tensor | tf.Tensor[] | null): tf.Tensor | null {
    if (!Array.isArray(mask) || mask.some((entry) => entry == null)) return null;
    return mask.slice(1).reduce((merged, next) => tf.logicalOr(merged, next), mask[0]);
  }
}

/**
 * Keras's `Merge._apply_merge_op_and_or_mask`, for operations without an identity element
 * (maximum, minimum): where an input is masked, the other operand stands in for it.
 *
 * @param operation the binary operation
 * @param inputs the tensors
 * @param masks their masks, or null
 * @returns the merged tensor
 */
export function mergeWithMasks(operation: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor, inputs: tf.Tensor[], masks: InputMasks): tf.Tensor {
  const broadcastMask = (mask: tf.Tensor | null | undefined, x: tf.Tensor) => (mask == null ? null : tf.broadcastTo(tf.expandDims(mask, -1), x.shape));
  let output = inputs[0];
  let outputMask = broadcastMask(masks?.[0], output);
  for (const [index, input] of inputs.entries()) {
    if (index === 0) continue;
    const mask = broadcastMask(masks?.[index], input);
    const x = mask === null ? input : tf.where(mask, input, output);
    if (outputMask !== null) output = tf.where(outputMask, output, x);
    outputMask = mask !== null && outputMask !== null ? tf.logicalOr(outputMask, mask) : null;
    output = operation(output, x);
  }
  return output;
}
