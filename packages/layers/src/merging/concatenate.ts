import { tf } from '@dendrite/backend';
import { describeValue, optionKeys, argumentError } from '@dendrite/backend/internal';
import type { LayerArgs, TensorOrList } from '../engine/layer';
import { registerLayer } from '../engine/layer-registry';
import type { SymbolicTensor } from '../engine/symbolic-tensor';
import { type MergeInputs, mergeOrLayer } from './merge-or-layer';
import { type Shape, shapeToString } from '../engine/shape';
import { type InputMasks, Merge } from './base-merge';

/** Arguments of {@link Concatenate}. */
export interface ConcatenateArgs extends LayerArgs {
  /** The axis to join along (−1, the last). */
  axis?: number;
}

/**
 * Joins a list of inputs along `axis` (Keras's `Concatenate`); every other axis must match. With
 * masks, the output mask joins them too (unmasked inputs count as all valid).
 *
 * @example
 * ```ts
 * const joined = new Concatenate().apply([a, b]); // [batch, 5] and [batch, 3] → [batch, 8]
 * ```
 */
export class Concatenate extends Merge {
  static override className = 'Concatenate';
  /** The option keys this class adds to a layer's, refused when misspelled. */
  static override readonly optionKeys = optionKeys<ConcatenateArgs, LayerArgs>({ axis: true });
  protected override readonly alignsRanks = false;
  readonly axis: number;

  /**
   * @param args axis (−1)
   * @throws Error naming the layer unless axis is an integer
   */
  constructor(args: ConcatenateArgs = {}) {
    super(args);
    const axis = args.axis ?? -1;
    if (!Number.isInteger(axis)) throw argumentError(axis, 'number', `Expected axis to be an integer, received ${describeValue(axis)} in layer "${this.name}"`);
    this.axis = axis;
  }

  /** `axis` for inputs of `rank`, counted from 0. */
  private resolvedAxis(rank: number, shapes: Shape[]): number {
    const axis = this.axis < 0 ? rank + this.axis : this.axis;
    if (axis < 0 || axis >= rank) {
      throw new Error(`Expected axis ${this.axis} to exist in inputs of rank ${rank} in layer "${this.name}", received ${shapes.map(shapeToString).join(', ')}`);
    }
    return axis;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shapes = this.inputShapes(inputShape);
    const rank = shapes[0].length;
    const axis = this.resolvedAxis(rank, shapes);
    const output = [...shapes[0]];
    for (const shape of shapes.slice(1)) {
      const fits = shape.length === rank && shape.every((size, i) => i === axis || size === null || output[i] === null || size === output[i]);
      if (!fits) {
        throw new Error(`Expected inputs that match except on axis ${this.axis} in layer "${this.name}", received ${shapes.map(shapeToString).join(', ')}`);
      }
      shape.forEach((size, i) => {
        if (i === axis) output[i] = output[i] === null || size === null ? null : (output[i] as number) + size;
        else if (output[i] === null) output[i] = size;
      });
    }
    return output;
  }

  protected mergeFunction(inputs: tf.Tensor[], _masks: InputMasks): tf.Tensor {
    return tf.concat(inputs, this.axis);
  }

  override computeMask(inputs: TensorOrList, mask: tf.Tensor | tf.Tensor[] | null): tf.Tensor | null {
    if (!Array.isArray(mask) || !Array.isArray(inputs) || mask.every((entry) => entry == null)) return null;
    const full = inputs.map((input, index) => {
      const entry = mask[index];
      if (entry == null) return tf.ones(input.shape, 'bool');
      return entry.rank < input.rank ? tf.broadcastTo(tf.expandDims(entry, -1), input.shape) : entry;
    });
    return tf.any(tf.concat(full, this.axis), -1);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: this.axis };
  }
}

registerLayer(Concatenate);

/**
 * Keras's `concatenate`: called with a list of tensors, joins them along `axis` (−1) and returns
 * the result (a symbolic tensor for symbolic inputs from `input()`); called with options only,
 * returns a {@link Concatenate} layer to apply later, as tfjs-layers' factory does. A bare number
 * is the axis, as in Keras's `concatenate(inputs, axis)`.
 *
 * @param inputs the tensors to join, all symbolic or all concrete
 * @param args the layer's options (`axis`, `name`), or the axis
 * @returns the joined tensor, or the layer when no tensors are given
 * @throws TypeError naming `concatenate` when the arguments are neither form
 * @example
 * ```ts
 * const joined = concatenate([wide, deep]);           // [batch, 5] and [batch, 30] → [batch, 35]
 * const rows = concatenate([a, b], { axis: 0 });      // real tensors: a tensor
 * const layer = concatenate({ axis: 1 });             // a layer: layer.apply([a, b])
 * ```
 */
export function concatenate(inputs: SymbolicTensor[], args?: ConcatenateArgs | number): SymbolicTensor;
export function concatenate(inputs: tf.Tensor[], args?: ConcatenateArgs | number): tf.Tensor;
export function concatenate(args?: ConcatenateArgs | number): Concatenate;
export function concatenate(first?: MergeInputs | ConcatenateArgs | number, args?: ConcatenateArgs | number): Concatenate | SymbolicTensor | tf.Tensor {
  return mergeOrLayer<ConcatenateArgs>(first, args, {
    name: 'concatenate',
    makeLayer: (options) => new Concatenate(options),
    positional: { name: 'axis', accepts: (value) => typeof value === 'number' },
  }) as Concatenate | SymbolicTensor | tf.Tensor;
}
