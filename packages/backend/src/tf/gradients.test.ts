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

describe('chained ops', () => {
  it('are registered on tensors, as in @tensorflow/tfjs', async () => {
    await tf.setBackend('cpu');
    const x = tf.tensor1d([1, -2, 3, -4]);
    const y = x.reshape([2, 2]).square().sum();
    expect(y.arraySync()).toBe(30);
    tf.dispose([x, y]);
  });
});
