import type { tf } from '@dendrite/backend';

/**
 * Masks travel with the tensors they describe, as Keras's `_keras_mask`: a layer that makes a mask
 * (Embedding with maskZero, Masking) attaches it to its output, and the next layer finds it there.
 */
const masks = new WeakMap<tf.Tensor, tf.Tensor | null>();

/** Attaches `mask` (or null: no mask) to `tensor`. */
export function setMask(tensor: tf.Tensor, mask: tf.Tensor | null | undefined): void {
  if (mask === undefined) masks.delete(tensor);
  else masks.set(tensor, mask);
}

/** The mask attached to `tensor`, or null. */
export function getMask(tensor: tf.Tensor): tf.Tensor | null {
  return masks.get(tensor) ?? null;
}
