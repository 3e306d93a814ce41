import type { tf } from '@dendrite/backend';
import type { NodeLayer } from './layer-contract';
import { type Shape, shapeToString } from './shape';

// The functional graph's pieces, generic in the layer that makes them so this file does not import
// layer.ts (which imports it). `./symbolic-tensor` binds them to `Layer` for everyone else.

/**
 * A placeholder for a tensor in a functional model: a shape with a null batch size, a dtype, and
 * the layer call (node) that makes it — as Keras's `KerasTensor`. `L` is the type of the layer that
 * made it (`Layer` outside the engine: import `SymbolicTensor` from `./symbolic-tensor`).
 */
export class SymbolicTensor<L extends NodeLayer = NodeLayer> {
  private static nextId = 0;
  /** Unique within the program; models use it to map placeholders to values. */
  readonly id = SymbolicTensor.nextId++;

  constructor(
    readonly shape: Shape,
    readonly dtype: tf.DataType,
    /** The layer whose call made this tensor. */
    readonly sourceLayer: L,
    /** Which call of that layer (its index in `sourceLayer.inboundNodes`). */
    readonly nodeIndex: number,
    /** Which output of that call. */
    readonly tensorIndex: number,
  ) {}

  /** The number of axes. */
  get rank(): number {
    return this.shape.length;
  }

  /** `dense_1/output_0`-style name, for messages and summaries. */
  get name(): string {
    return `${this.sourceLayer.name}/output_${this.tensorIndex}`;
  }

  toString(): string {
    return `SymbolicTensor(shape=${shapeToString(this.shape)}, dtype=${this.dtype}, name=${this.name})`;
  }
}

/** One call of a layer on symbolic tensors: the edges of a functional model's graph. */
export interface LayerNode<L extends NodeLayer = NodeLayer> {
  layer: L;
  inputs: SymbolicTensor<L>[];
  outputs: SymbolicTensor<L>[];
  /** Whether the layer was called on a list (merge layers) rather than one tensor. */
  inputIsList: boolean;
  /** Non-tensor arguments of the call (`training`), kept for serialization. */
  callArgs: Record<string, unknown>;
}

/** Whether `value` is a symbolic tensor or a non-empty list of them. */
export function isSymbolic(value: unknown): value is SymbolicTensor | SymbolicTensor[] {
  if (Array.isArray(value)) return value.length > 0 && value.every((entry) => entry instanceof SymbolicTensor);
  return value instanceof SymbolicTensor;
}
