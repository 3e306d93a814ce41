import { tf } from '@dendrite/backend';
import { describeValue, optionKeys } from '@dendrite/backend/internal';
import type { LayerArgs } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { SymbolicTensor } from '../engine/symbolic-tensor';
import { type MergeInputs, mergeOrLayer } from './merge-or-layer';
import { type Shape, shapeToString } from '../engine/shape';
import { type InputMasks, Merge } from './base-merge';

/** Arguments of {@link Dot}. */
export interface DotArgs extends LayerArgs {
  /** The axis of both inputs to contract, or one per input; never 0 (the batch). */
  axes: number | [number, number];
  /** L2-normalize both inputs along the axes first, giving cosine similarities (false). */
  normalize?: boolean;
}

/**
 * Keras's `batch_dot`: per sample, the dot product of `x` and `y` along `axes`. The output keeps
 * `x`'s other axes, then `y`'s other axes (batch excepted); a rank-1 result becomes `[batch, 1]`.
 *
 * @param x `[batch, …]`, rank ≥ 2
 * @param y `[batch, …]`, rank ≥ 2
 * @param axes the contracted axis of each, counted from 0, neither 0
 * @returns the batched dot product
 * @example
 * ```ts
 * batchDot(tf.ones([2, 3]), tf.ones([2, 3]), [1, 1]); // [[3], [3]]
 * ```
 */
export function batchDot(x: tf.Tensor, y: tf.Tensor, axes: [number, number]): tf.Tensor {
  let [axisX] = axes;
  const [, axisY] = axes;
  let left = x;
  let right = y;
  if (x.rank === 2) {
    left = tf.expandDims(x, 1);
    axisX += 1;
  }
  if (y.rank === 2) right = tf.expandDims(y, 2);
  const leftOrder = [...left.shape.keys()].filter((axis) => axis !== axisX).concat(axisX);
  const rightOrder = [0, axisY, ...[...right.shape.keys()].filter((axis) => axis !== 0 && axis !== axisY)];
  const movedLeft = tf.transpose(left, leftOrder);
  const movedRight = tf.transpose(right, rightOrder);
  const [batch, depth] = [x.shape[0], x.shape[axes[0]]];
  const product = tf.matMul(tf.reshape(movedLeft, [batch, -1, depth]) as tf.Tensor3D, tf.reshape(movedRight, [batch, depth, -1]) as tf.Tensor3D);
  const result = tf.reshape(product, [batch, ...movedLeft.shape.slice(1, -1), ...movedRight.shape.slice(2)]);
  if (x.rank === 2) return tf.squeeze(result, [1]);
  return y.rank === 2 ? tf.squeeze(result, [result.rank - 1]) : result;
}

/**
 * The dot product of two inputs along `axes`, sample by sample (Keras's `Dot`); with
 * `normalize`, the cosine similarity. Takes exactly two inputs; passes no mask on.
 *
 * @example
 * ```ts
 * const similarity = new Dot({ axes: 1, normalize: true }).apply([a, b]); // [batch, 1]
 * ```
 */
export class Dot extends Merge {
  static override className = 'Dot';
  /** The option keys this class adds to a layer's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<DotArgs, LayerArgs>({ axes: true, normalize: true });
  protected override readonly maxInputs = 2;
  protected override readonly alignsRanks = false;
  readonly axes: number | [number, number];
  readonly normalize: boolean;

  /**
   * @param args axes, normalize (false)
   * @throws Error naming the layer unless axes is an integer or two
   */
  constructor(args: DotArgs) {
    super(args);
    const axes = args.axes;
    const valid = Number.isInteger(axes) || (Array.isArray(axes) && axes.length === 2 && axes.every(Number.isInteger));
    if (!valid) throw new Error(`Expected axes to be an integer or a list of two, received ${describeValue(axes)} in layer "${this.name}"`);
    this.axes = Array.isArray(axes) ? [axes[0], axes[1]] : axes;
    this.normalize = args.normalize ?? false;
  }

  /** The contracted axis of each input, counted from 0. */
  private resolvedAxes(a: Shape, b: Shape): [number, number] {
    const [axisA, axisB] = Array.isArray(this.axes) ? this.axes : [this.axes, this.axes];
    const resolved: [number, number] = [axisA < 0 ? axisA + a.length : axisA, axisB < 0 ? axisB + b.length : axisB];
    if (resolved[0] < 1 || resolved[0] >= a.length || resolved[1] < 1 || resolved[1] >= b.length) {
      throw new Error(`Expected axes ${describeValue(this.axes)} to name a non-batch axis of each input in layer "${this.name}", received ${shapeToString(a)}, ${shapeToString(b)}`);
    }
    return resolved;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shapes = this.inputShapes(inputShape);
    const [a, b] = shapes;
    const batch = this.batchSize(shapes);
    const [axisA, axisB] = this.resolvedAxes(a, b);
    if (a[axisA] !== null && b[axisB] !== null && a[axisA] !== b[axisB]) {
      throw new Error(
        `Expected axis ${axisA} of input 0 (size ${a[axisA]}) to match axis ${axisB} of input 1 (size ${b[axisB]}) in layer "${this.name}", received ${shapeToString(a)}, ${shapeToString(b)}`,
      );
    }
    const output = [batch, ...a.filter((_, i) => i !== 0 && i !== axisA), ...b.filter((_, i) => i !== 0 && i !== axisB)];
    return output.length === 1 ? [batch, 1] : output;
  }

  protected mergeFunction(inputs: tf.Tensor[], _masks: InputMasks): tf.Tensor {
    let [x, y] = inputs;
    const axes = this.resolvedAxes(x.shape, y.shape);
    if (this.normalize) {
      // Keras's l2 normalization: x / max(‖x‖, 1e-7), written so its gradient is finite at 0.
      const unit = (t: tf.Tensor, axis: number) => tf.div(t, tf.sqrt(tf.maximum(tf.sum(tf.square(t), axis, true), 1e-14)));
      x = unit(x, axes[0]);
      y = unit(y, axes[1]);
    }
    return batchDot(x, y, axes);
  }

  override computeMask(): null {
    return null;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axes: this.axes, normalize: this.normalize };
  }
}

registerLayer(Dot);

/** Whether a value is Keras's `axes`: one integer or two. */
function isAxes(value: unknown): boolean {
  return typeof value === 'number' || (Array.isArray(value) && value.length === 2 && value.every((axis) => typeof axis === 'number'));
}

/**
 * Keras's `dot`: called with a list of two tensors, their batched dot product along `axes` (−1
 * by default, as Keras's function) — a symbolic tensor for symbolic inputs from `input()`; called
 * with options only, a {@link Dot} layer to apply later (there `axes` is required, as in Keras's
 * `Dot`). A bare number or pair is `axes`, as in Keras's `dot(inputs, axes)`.
 *
 * @param inputs the two tensors, both symbolic or both concrete
 * @param args the layer's options (`axes`, `normalize`, `name`), or the axes
 * @returns the dot product, or the layer when no tensors are given
 * @throws TypeError naming `dot` when the arguments are neither form
 * @example
 * ```ts
 * const similarity = dot([a, b], { axes: 1, normalize: true }); // [batch, 1]
 * const scores = dot({ axes: [2, 2] }).apply([queries, keys]);  // a layer: [batch, q, k]
 * ```
 */
export function dot(inputs: SymbolicTensor[], args?: Partial<DotArgs> | number | [number, number]): SymbolicTensor;
export function dot(inputs: tf.Tensor[], args?: Partial<DotArgs> | number | [number, number]): tf.Tensor;
export function dot(args: DotArgs | number | [number, number]): Dot;
export function dot(first: MergeInputs | DotArgs | number | [number, number], args?: Partial<DotArgs> | number | [number, number]): Dot | SymbolicTensor | tf.Tensor {
  // A pair of numbers is the axes, not a list of tensors.
  const tensors = Array.isArray(first) && !isAxes(first);
  return mergeOrLayer<DotArgs>(Array.isArray(first) && !tensors ? { axes: first } : first, args, {
    name: 'dot',
    makeLayer: (options) => new Dot(tensors ? { ...options, axes: options.axes ?? -1 } : options),
    positional: { name: 'axes', accepts: isAxes },
  }) as Dot | SymbolicTensor | tf.Tensor;
}
