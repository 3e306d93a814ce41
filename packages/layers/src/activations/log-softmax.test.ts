import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { logSoftmax } from './log-softmax';

/** Log-softmax of one row in float64. */
const logSoftmaxRow = (row: number[]) => {
  const top = Math.max(...row);
  const logSum = top + Math.log(row.reduce((sum, v) => sum + Math.exp(v - top), 0));
  return row.map((v) => v - logSum);
};

describeEachBackend('log_softmax', () => {
  it('normalises the last axis in log space, finite for large logits', async () => {
    await expectNoLeakedTensors(() => {
      const y = tf.tidy(() => logSoftmax(tf.tensor2d([[1, 2, 3], [-1000, 0, 1000]])).dataSync());
      expectArraysClose(y, [...logSoftmaxRow([1, 2, 3]), -2000, -1000, 0]);
    });
  });

  it('takes another axis', () => {
    const y = tf.tidy(() => logSoftmax(tf.tensor2d([[1, 5], [3, 2]]), { axis: 0 }).arraySync()) as number[][];
    const first = logSoftmaxRow([1, 3]);
    const second = logSoftmaxRow([5, 2]);
    expectArraysClose(y.flat(), [first[0], second[0], first[1], second[1]]);
  });

  it('has the gradient of finite differences', () => {
    const logits = [0.3, -1.2, 2];
    const weights = [1, 2, -1];
    const f = (x: number[]) => logSoftmaxRow(x).reduce((sum, p, i) => sum + weights[i] * p, 0);
    const gradient = tf.tidy(() => tf.grad((x: tf.Tensor) => tf.sum(tf.mul(logSoftmax(x), tf.tensor1d(weights))))(tf.tensor1d(logits)).dataSync());
    const h = 1e-5;
    const differences = logits.map((_, i) => {
      const up = logits.map((v, j) => (j === i ? v + h : v));
      const down = logits.map((v, j) => (j === i ? v - h : v));
      return (f(up) - f(down)) / (2 * h);
    });
    expectArraysClose(gradient, differences, 1e-3);
  });

  it('names an axis outside the input’s rank', () => {
    const x = tf.tensor1d([1, 2]);
    expect(() => logSoftmax(x, { axis: -2 })).toThrow('Expected axis to be an integer in [-1, 1), received -2 for an input of rank 1 in activation log_softmax');
    x.dispose();
  });
});
