import { tf } from '@dendrite/backend';

/**
 * Brings targets and predictions to the same rank as Keras's `squeeze_or_expand_to_same_rank`
 * (a trailing axis of size 1 is added or dropped), then checks that their shapes agree.
 *
 * @throws Error naming the loss or metric, expected vs received shapes
 */
export function alignShapes(yTrue: tf.Tensor, yPred: tf.Tensor, owner: string): [tf.Tensor, tf.Tensor] {
  let t = yTrue;
  let p = yPred;
  if (t.rank === p.rank + 1 && t.shape[t.rank - 1] === 1) t = tf.squeeze(t, [t.rank - 1]);
  else if (p.rank === t.rank + 1 && p.shape[p.rank - 1] === 1) t = tf.expandDims(t, -1);
  const compatible = t.rank === p.rank && t.shape.every((size, axis) => size === p.shape[axis] || size === 1 || p.shape[axis] === 1);
  if (!compatible) {
    throw new Error(`Expected yTrue and yPred to have compatible shapes, received [${yTrue.shape.join(', ')}] and [${yPred.shape.join(', ')}] in ${owner}`);
  }
  return [t.dtype === p.dtype ? t : tf.cast(t, p.dtype), p];
}
