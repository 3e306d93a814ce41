import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { markSoftmaxOutput } from '@dendrite/backend/internal';
import { describeEachBackend } from '@dendrite/test-utils';
import { takesSoftmaxCrossentropy } from './softmax-crossentropy';

describeEachBackend('takesSoftmaxCrossentropy', () => {
  it('takes only a float32 softmax output with float32 targets of its shape', () => {
    tf.tidy(() => {
      const marked = markSoftmaxOutput(tf.softmax(tf.tensor2d([[1, 2, 3], [0, 0, 1]])));
      const targets = tf.tensor2d([[0, 0, 1], [1, 0, 0]]);
      expect(takesSoftmaxCrossentropy(targets, marked)).toBe(true);
      expect(takesSoftmaxCrossentropy(targets, tf.softmax(tf.tensor2d([[1, 2, 3], [0, 0, 1]])))).toBe(false); // not marked
      expect(takesSoftmaxCrossentropy(tf.cast(targets, 'int32'), marked)).toBe(false);
      expect(takesSoftmaxCrossentropy(tf.tensor2d([[0, 1, 0, 0]]), marked)).toBe(false);
      expect(takesSoftmaxCrossentropy(targets, markSoftmaxOutput(tf.tensor2d([[0, 0, 1], [1, 0, 0]], undefined, 'int32')))).toBe(false);
    });
  });
});
