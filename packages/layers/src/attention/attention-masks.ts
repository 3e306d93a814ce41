import { tf } from '@dendrite/backend';

/**
 * What a masked score loses, as Keras: `-1e9` in float32 (`-3e4` in float16), so that a masked
 * position gets no weight after the softmax yet a fully masked row stays finite.
 */
export const MASKED_SCORE_PENALTY = 1e9;

/**
 * The causal mask of Keras's attention layers: a bool tensor `[1, queryLength, valueLength]`,
 * true where query position `i` may attend to value position `j` (`j ≤ i`).
 *
 * @param queryLength the number of query positions (Tq)
 * @param valueLength the number of value positions (Tv)
 * @example
 * ```ts
 * causalMask(3, 3); // [[[true, false, false], [true, true, false], [true, true, true]]]
 * ```
 */
export function causalMask(queryLength: number, valueLength: number): tf.Tensor {
  return tf.tidy(() => {
    const lower = tf.linalg.bandPart(tf.ones([queryLength, valueLength]), -1, 0);
    return tf.cast(tf.expandDims(lower, 0), 'bool');
  });
}

/**
 * Two masks joined as Keras's `&`: true where both are; either may be null (then the other is
 * returned), and they broadcast.
 */
export function andMasks(first: tf.Tensor | null, second: tf.Tensor | null): tf.Tensor | null {
  if (first === null) return second;
  if (second === null) return first;
  return tf.logicalAnd(tf.cast(first, 'bool'), tf.cast(second, 'bool'));
}

/**
 * Scores with masked positions pushed down by {@link MASKED_SCORE_PENALTY}, as Keras's attention
 * layers and its masked `Softmax` do before normalizing: `scores − 1e9 · (1 − mask)`.
 *
 * @param scores the raw scores
 * @param mask true (or 1) where a score counts; broadcast against `scores`; null for none
 */
export function maskScores(scores: tf.Tensor, mask: tf.Tensor | null): tf.Tensor {
  if (mask === null) return scores;
  const dropped = tf.sub(1, tf.cast(mask, scores.dtype));
  return tf.sub(scores, tf.mul(dropped, MASKED_SCORE_PENALTY));
}

/**
 * A softmax over the last `axisCount` axes together (Keras's `Softmax(axis=(…))` over the attention
 * axes of the keys).
 */
export function softmaxOverLastAxes(scores: tf.Tensor, axisCount: number): tf.Tensor {
  if (axisCount === 1) return tf.softmax(scores, -1);
  const leading = scores.shape.slice(0, scores.rank - axisCount);
  const flat = tf.reshape(scores, [...leading, -1]);
  return tf.reshape(tf.softmax(flat, -1), scores.shape);
}
