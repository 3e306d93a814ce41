import { tf } from '@dendrite/backend';

/**
 * `l1 · Σ|w| + l2 · Σw²` as a scalar in the weight's dtype, skipping a term whose factor is 0
 * (as Keras). Disposes its intermediates.
 *
 * @param weight the weight
 * @param l1 the L1 factor
 * @param l2 the L2 factor
 * @example
 * ```ts
 * penalties(tf.tensor1d([1, -2]), 0.1, 0); // 0.3
 * ```
 */
export function penalties(weight: tf.Tensor, l1: number, l2: number): tf.Tensor {
  return tf.tidy(() => {
    let total: tf.Tensor = tf.scalar(0, weight.dtype);
    if (l1 !== 0) total = tf.add(total, tf.mul(tf.sum(tf.abs(weight)), l1));
    if (l2 !== 0) total = tf.add(total, tf.mul(tf.sum(tf.square(weight)), l2));
    return total;
  });
}
