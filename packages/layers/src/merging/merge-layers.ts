import { tf } from '@dendrite/backend';
import { type CallArgs, type LayerArgs, type TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import { type Shape, shapeToString } from '../engine/shape';
import { Merge } from './merge';

/** Sums its inputs. */
export class Add extends Merge {
  static override className = 'Add';
  protected combine(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
    return tf.add(a, b);
  }
}

/** The first input minus the second (exactly two inputs). */
export class Subtract extends Merge {
  static override className = 'Subtract';
  protected override get minimumInputs(): number {
    return 2;
  }
  protected override inputShapes(inputShape: Shape | Shape[]): Shape[] {
    const shapes = super.inputShapes(inputShape);
    if (shapes.length !== 2) throw new Error(`Expected exactly 2 inputs in layer "${this.name}", received ${shapes.length}`);
    return shapes;
  }
  protected combine(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
    return tf.sub(a, b);
  }
}

/** Multiplies its inputs element-wise. */
export class Multiply extends Merge {
  static override className = 'Multiply';
  protected combine(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
    return tf.mul(a, b);
  }
}

/** The element-wise maximum of its inputs. */
export class Maximum extends Merge {
  static override className = 'Maximum';
  protected combine(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
    return tf.maximum(a, b);
  }
}

/** The element-wise minimum of its inputs. */
export class Minimum extends Merge {
  static override className = 'Minimum';
  protected combine(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
    return tf.minimum(a, b);
  }
}

/** The element-wise mean of its inputs. */
export class Average extends Merge {
  static override className = 'Average';
  protected combine(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
    return tf.add(a, b);
  }
  override call(inputs: TensorOrList, args: CallArgs): tf.Tensor {
    const count = Array.isArray(inputs) ? inputs.length : 1;
    return tf.div(super.call(inputs, args), count);
  }
}

/** Joins its inputs along `axis` (−1); other axes must match. */
export class Concatenate extends Merge {
  static override className = 'Concatenate';
  readonly axis: number;
  constructor(args: LayerArgs & { axis?: number } = {}) {
    super(args);
    this.axis = args.axis ?? -1;
  }
  protected combine(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
    return tf.concat([a, b], this.axis);
  }
  override call(inputs: TensorOrList, _args: CallArgs): tf.Tensor {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    this.computeOutputShape(list.map((t) => t.shape));
    return tf.concat(list, this.axis);
  }
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shapes = this.inputShapes(inputShape);
    const rank = shapes[0].length;
    const axis = this.axis < 0 ? rank + this.axis : this.axis;
    const output = [...shapes[0]];
    for (const shape of shapes.slice(1)) {
      const fits = shape.length === rank && shape.every((size, i) => i === axis || size === null || output[i] === null || size === output[i]);
      if (!fits) {
        throw new Error(`Expected inputs that match except on axis ${this.axis} in layer "${this.name}", received ${shapes.map(shapeToString).join(', ')}`);
      }
      output[axis] = output[axis] === null || shape[axis] === null ? null : (output[axis] as number) + (shape[axis] as number);
    }
    return output;
  }
  override computeMask(): tf.Tensor | null {
    return null;
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: this.axis };
  }
}

/** The dot product of two inputs along `axes`, optionally of L2-normalized inputs (cosine). */
export class Dot extends Merge {
  static override className = 'Dot';
  readonly axes: number | [number, number];
  readonly normalize: boolean;
  constructor(args: LayerArgs & { axes: number | [number, number]; normalize?: boolean }) {
    super(args);
    this.axes = args.axes;
    this.normalize = args.normalize ?? false;
  }
  private resolvedAxes(rankA: number, rankB: number): [number, number] {
    const [a, b] = Array.isArray(this.axes) ? this.axes : [this.axes, this.axes];
    return [a < 0 ? rankA + a : a, b < 0 ? rankB + b : b];
  }
  protected combine(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
    const [axisA, axisB] = this.resolvedAxes(a.rank, b.rank);
    let x = a;
    let y = b;
    if (this.normalize) {
      x = tf.div(x, tf.sqrt(tf.maximum(tf.sum(tf.square(x), axisA, true), 1e-12)));
      y = tf.div(y, tf.sqrt(tf.maximum(tf.sum(tf.square(y), axisB, true), 1e-12)));
    }
    if (x.rank === 2 && y.rank === 2) return tf.sum(tf.mul(x, y), 1, true);
    // Batched: move the contracted axes last/first and use a batched matmul.
    const moveLast = (t: tf.Tensor, axis: number) => tf.transpose(t, [...[...Array(t.rank).keys()].filter((i) => i !== axis), axis]);
    const moveSecond = (t: tf.Tensor, axis: number) => tf.transpose(t, [0, axis, ...[...Array(t.rank).keys()].filter((i) => i !== 0 && i !== axis)]);
    const left = moveLast(x, axisA);
    const right = moveSecond(y, axisB);
    const leftMatrix = tf.reshape(left, [left.shape[0], -1, left.shape[left.rank - 1]]);
    const rightMatrix = tf.reshape(right, [right.shape[0], right.shape[1] as number, -1]);
    const product = tf.matMul(leftMatrix, rightMatrix);
    return tf.reshape(product, [...left.shape.slice(0, -1), ...right.shape.slice(2)]);
  }
  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const [a, b] = this.inputShapes(inputShape);
    const [axisA, axisB] = this.resolvedAxes(a.length, b.length);
    if (a[axisA] !== null && b[axisB] !== null && a[axisA] !== b[axisB]) {
      throw new Error(`Expected axis ${axisA} of input 0 and axis ${axisB} of input 1 to match in layer "${this.name}", received ${shapeToString(a)} and ${shapeToString(b)}`);
    }
    const output = [...a.filter((_, i) => i !== axisA), ...b.filter((_, i) => i !== 0 && i !== axisB)];
    return output.length === 1 ? [output[0], 1] : output;
  }
  override computeMask(): tf.Tensor | null {
    return null;
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axes: this.axes, normalize: this.normalize };
  }
}

for (const layer of [Add, Subtract, Multiply, Maximum, Minimum, Average, Concatenate, Dot]) registerLayer(layer as never);

/** Factories in TF.js spelling. */
export const add = (args: LayerArgs = {}) => new Add(args);
export const subtract = (args: LayerArgs = {}) => new Subtract(args);
export const multiply = (args: LayerArgs = {}) => new Multiply(args);
export const maximum = (args: LayerArgs = {}) => new Maximum(args);
export const minimum = (args: LayerArgs = {}) => new Minimum(args);
export const average = (args: LayerArgs = {}) => new Average(args);
export const concatenate = (args: LayerArgs & { axis?: number } = {}) => new Concatenate(args);
export const dot = (args: LayerArgs & { axes: number | [number, number]; normalize?: boolean }) => new Dot(args);
