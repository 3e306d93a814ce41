import { tf } from '@dendrite/backend';
import type { Shape } from '../engine/shape';

/**
 * Where the attention runs in projected tensors `[batch, ...axes, numHeads, channels]`, as Keras's
 * `_build_attention_equation`: the attention axes (query positions against key positions); the
 * other axes between batch and heads act as batch axes.
 */
export interface AttentionLayout {
  /** The attention axes, in the order given (Keras keeps it). */
  attentionAxes: number[];
  /** The axes between batch and heads that are not attention axes. */
  batchLikeAxes: number[];
  /** `[batch, ...batchLike, heads, ...attention, channels]` from `[batch, ...axes, heads, channels]`. */
  permutation: number[];
  /** The inverse of {@link permutation}. */
  inverse: number[];
}

/**
 * The layout for projected tensors of rank `projectedRank` (the input rank + 1).
 *
 * @param attentionAxes axes of the inputs in [1, inputRank − 2], non-negative
 */
export function attentionLayout(projectedRank: number, attentionAxes: number[]): AttentionLayout {
  const heads = projectedRank - 2;
  const batchLikeAxes = Array.from({ length: heads - 1 }, (_, index) => index + 1).filter((axis) => !attentionAxes.includes(axis));
  const permutation = [0, ...batchLikeAxes, heads, ...attentionAxes, projectedRank - 1];
  const inverse = permutation.map((_, axis) => permutation.indexOf(axis));
  return { attentionAxes, batchLikeAxes, permutation, inverse };
}

/** Keras's shape of the attention scores: `[batch, ...batchLike, heads, ...queryAttention, ...keyAttention]`. */
export function scoresShape(layout: AttentionLayout, projectedQuery: Shape, projectedKey: Shape): Shape {
  const heads = projectedQuery.length - 2;
  return [
    projectedQuery[0],
    ...layout.batchLikeAxes.map((axis) => projectedQuery[axis]),
    projectedQuery[heads],
    ...layout.attentionAxes.map((axis) => projectedQuery[axis]),
    ...layout.attentionAxes.map((axis) => projectedKey[axis]),
  ];
}

const product = (sizes: number[]) => sizes.reduce((total, size) => total * size, 1);

/**
 * Raw scores `query · key` over the attention axes, in Keras's layout (see {@link scoresShape}):
 * the einsum `_dot_product_equation` as one batched matMul.
 */
export function attentionScores(layout: AttentionLayout, query: tf.Tensor, key: tf.Tensor): tf.Tensor {
  const q = tf.transpose(query, layout.permutation);
  const k = tf.transpose(key, layout.permutation);
  const attention = layout.attentionAxes.length;
  const leading = q.shape.slice(0, q.rank - attention - 1);
  const querySizes = q.shape.slice(q.rank - attention - 1, -1);
  const keySizes = k.shape.slice(k.rank - attention - 1, -1);
  const channels = q.shape[q.rank - 1];
  const flatQuery = tf.reshape(q, [-1, product(querySizes), channels]);
  const flatKey = tf.reshape(k, [-1, product(keySizes), channels]);
  return tf.reshape(tf.matMul(flatQuery, flatKey, false, true), [...leading, ...querySizes, ...keySizes]);
}

/**
 * The weighted sum of the values, `[batch, ...axes, heads, valueChannels]`: Keras's
 * `_combine_equation` as one batched matMul.
 *
 * @param weights attention weights in Keras's layout
 * @param value projected values `[batch, ...axes, heads, valueChannels]`
 */
export function combineValues(layout: AttentionLayout, weights: tf.Tensor, value: tf.Tensor): tf.Tensor {
  const v = tf.transpose(value, layout.permutation);
  const attention = layout.attentionAxes.length;
  const keySizes = v.shape.slice(v.rank - attention - 1, -1);
  const querySizes = weights.shape.slice(weights.rank - 2 * attention, weights.rank - attention);
  const leading = weights.shape.slice(0, weights.rank - 2 * attention);
  const flatWeights = tf.reshape(weights, [-1, product(querySizes), product(keySizes)]);
  const flatValue = tf.reshape(v, [-1, product(keySizes), v.shape[v.rank - 1]]);
  const combined = tf.reshape(tf.matMul(flatWeights, flatValue), [...leading, ...querySizes, v.shape[v.rank - 1]]);
  return tf.transpose(combined, layout.inverse);
}
