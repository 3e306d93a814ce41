import type { tf } from '@dendrite/backend';
import type { Layer } from './layer';
import * as graph from './symbolic-graph';
import type { Shape } from './shape';

// The functional graph's pieces bound to `Layer`: what the package exports and every module outside
// the engine's core imports. Layer, layer-apply and symbolic-graph use the generic forms, so the
// engine's imports form no cycle.

/**
 * A placeholder for a tensor in a functional model: a shape with a null batch size, a dtype, and
 * the layer call (node) that makes it — as Keras's `KerasTensor`.
 *
 * @example
 * ```ts
 * const x = input({ shape: [4] });            // a SymbolicTensor
 * const y = dense({ units: 2 }).apply(x);     // another, made by the dense layer
 * y.sourceLayer.name;                          // 'dense_1'
 * ```
 */
export type SymbolicTensor = graph.SymbolicTensor<Layer>;

/**
 * The class of {@link SymbolicTensor}s, for `instanceof` and for layers that make their own
 * (`new SymbolicTensor(shape, dtype, layer, nodeIndex, tensorIndex)`).
 */
export const SymbolicTensor: new (
  shape: Shape,
  dtype: tf.DataType,
  sourceLayer: Layer,
  nodeIndex: number,
  tensorIndex: number,
) => SymbolicTensor = graph.SymbolicTensor;

/** One call of a layer on symbolic tensors: the edges of a functional model's graph. */
export type LayerNode = graph.LayerNode<Layer>;

/**
 * Whether `value` is a symbolic tensor or a non-empty list of them. Only layers make symbolic
 * tensors (`Layer.apply`, `input`), so a symbolic tensor's source is a `Layer`.
 */
export function isSymbolic(value: unknown): value is SymbolicTensor | SymbolicTensor[] {
  return graph.isSymbolic(value);
}
