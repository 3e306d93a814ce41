import type { tf } from '@dendrite/backend';

// The types the engine's lower modules (symbolic graph, apply) share with `Layer` without importing
// layer.ts, so the engine's imports form no cycle (issue 16). As Keras 3's `KerasTensor` and `Node`
// know their operation only through what they use of it, these name only what they need.

/** Arguments of a call. */
export interface CallArgs {
  /** Training mode: dropout drops, batch normalization uses batch statistics. */
  training?: boolean;
  /** A mask from the previous layer (found on the inputs when not given). */
  mask?: tf.Tensor | tf.Tensor[] | null;
  [extra: string]: unknown;
}

/** Inputs or outputs of a call: one tensor or several. */
export type TensorOrList = tf.Tensor | tf.Tensor[];

/**
 * What a symbolic tensor and a graph node need of the layer that made them: its name (for
 * `dense_1/output_0`). The layer itself is carried through as a type parameter; `Layer` fills it in.
 */
export interface NodeLayer {
  /** The layer's unique name. */
  readonly name: string;
}
