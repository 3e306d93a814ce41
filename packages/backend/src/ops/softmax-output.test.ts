import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { isSoftmaxOutput, markSoftmaxOutput, softmaxLogits } from '@dendrite/backend/internal';

describe('markSoftmaxOutput', () => {
  it('marks one tensor object and creates no tensor', () => {
    const before = tf.memory().numTensors;
    const logits = tf.tensor2d([[1, 2, 3]]);
    const probabilities = tf.softmax(logits);
    expect(isSoftmaxOutput(probabilities)).toBe(false);
    expect(markSoftmaxOutput(probabilities)).toBe(probabilities);
    expect(isSoftmaxOutput(probabilities)).toBe(true);
    expect(isSoftmaxOutput(logits)).toBe(false);
    tf.dispose([logits, probabilities]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives the logits recorded with the output while they are alive (Keras\'s _keras_logits)', () => {
    const logits = tf.tensor2d([[1, 2, 3]]);
    const probabilities = markSoftmaxOutput(tf.softmax(logits), logits);
    const unrecorded = markSoftmaxOutput(tf.softmax(logits));
    expect(softmaxLogits(probabilities)).toBe(logits);
    expect(softmaxLogits(unrecorded)).toBeUndefined();
    expect(softmaxLogits(logits)).toBeUndefined();
    logits.dispose();
    expect(softmaxLogits(probabilities)).toBeUndefined();
    expect(isSoftmaxOutput(probabilities)).toBe(true);
    tf.dispose([probabilities, unrecorded]);
  });
});
