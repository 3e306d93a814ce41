import { expect, it } from 'vitest';
import { tf } from '../../tf/index';
import { describeEachBackend } from '@dendrite/test-utils';

describeEachBackend('AvgPoolGrad', () => {
  it('shares each window’s gradient among the cells it covers inside the input (same padding)', () => {
    const x = tf.ones([1, 3, 3, 1]) as tf.Tensor4D;
    // 2×2 windows, stride 2, same: cover 4, 2, 2 and 1 cells of the 3×3 input.
    const dx = tf.grad((input: tf.Tensor) => tf.sum(tf.avgPool(input as tf.Tensor4D, 2, 2, 'same')))(x);
    expect(Array.from(dx.dataSync())).toEqual([0.25, 0.25, 0.5, 0.25, 0.25, 0.5, 0.5, 0.5, 1]);
    // valid padding: full windows only, so the last row and column get nothing.
    const valid = tf.grad((input: tf.Tensor) => tf.sum(tf.avgPool(input as tf.Tensor4D, 2, 2, 'valid')))(x);
    expect(Array.from(valid.dataSync())).toEqual([0.25, 0.25, 0, 0.25, 0.25, 0, 0, 0, 0]);
    tf.dispose([x, dx, valid]);
  });
});
