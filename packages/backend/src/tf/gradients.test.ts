import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import '@tensorflow/tfjs-backend-cpu';

describe('tf', () => {
  it('has every tfjs-core gradient registered', async () => {
    await tf.setBackend('cpu');
    const g = tf.grad((x: tf.Tensor) => tf.sum(tf.square(tf.relu(x))));
    expect(g(tf.tensor1d([1, -2, 3])).arraySync()).toEqual([2, 0, 6]);
  });
});
