import { tf } from '@dendrite/backend';
import { type CallArgs, Layer, type LayerArgs, type TensorOrList } from '../engine/layer';
import { type Shape, isShapeList, shapeToString } from '../engine/shape';

/**
 * The base of the merge layers (Keras's `Merge`): a list of inputs of broadcast-compatible shapes
 * combined element-wise into one.
 */
export abstract class Merge extends Layer {
  /** Merge layers take a list even of one tensor (functional configs rely on it). */
  readonly expectsListInput = true;

  constructor(args: LayerArgs = {}) {
    super(args);
    this.supportsMasking = true;
  }

  /** Combines two tensors. */
  protected abstract combine(a: tf.Tensor, b: tf.Tensor): tf.Tensor;

  /** The least number of inputs (2; Subtract wants exactly 2). */
  protected get minimumInputs(): number {
    return 2;
  }

  protected inputShapes(inputShape: Shape | Shape[]): Shape[] {
    const shapes = isShapeList(inputShape) ? inputShape : [inputShape];
    if (shapes.length < this.minimumInputs) {
      throw new Error(`Expected a list of at least ${this.minimumInputs} inputs in layer "${this.name}", received ${shapes.length}`);
    }
    return shapes;
  }

  override build(inputShape: Shape | Shape[]): void {
    this.computeOutputShape(inputShape);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shapes = this.inputShapes(inputShape);
    let output = [...shapes[0]];
    for (const shape of shapes.slice(1)) output = broadcastShapes(output, shape, this.name, shapes);
    return output;
  }

  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    this.inputShapes(list.map((t) => t.shape));
    return list.slice(1).reduce((merged, next) => this.combine(merged, next), list[0]);
  }

  override computeMask(inputs: TensorOrList, mask: tf.Tensor | tf.Tensor[] | null): tf.Tensor | null {
    if (mask === null) return null;
    const masks = (Array.isArray(mask) ? mask : [mask]).filter((m): m is tf.Tensor => m != null);
    if (masks.length === 0) return null;
    return masks.slice(1).reduce((all, next) => tf.logicalAnd(all, next), masks[0]);
  }
}

/** Keras's element-wise output shape: sizes must be equal, or one of them 1 or unknown. */
export function broadcastShapes(a: Shape, b: Shape, layerName: string, all: Shape[]): Shape {
  const rank = Math.max(a.length, b.length);
  const padded = (s: Shape) => [...new Array<number | null>(rank - s.length).fill(1), ...s];
  const [pa, pb] = [padded(a), padded(b)];
  return pa.map((size, axis) => {
    const other = pb[axis];
    if (size === null || other === null) return size === 1 ? other : other === 1 ? size : (size ?? other);
    if (size === other || other === 1) return size;
    if (size === 1) return other;
    throw new Error(`Expected inputs of compatible shapes in layer "${layerName}", received ${all.map(shapeToString).join(', ')}`);
  });
}
