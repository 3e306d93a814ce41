import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { isSoftmaxOutput } from '@dendrite/backend/internal';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { softmax } from './softmax';

/** Softmax of one row in float64. */
const softmaxRow = (row: number[]) => {
  const top = Math.max(...row);
  const e = row.map((v) => Math.exp(v - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
};

describeEachBackend('softmax', () => {
  it('marks last-axis probabilities for the crossentropy fast path (any layer using it), not other axes', () => {
    const x = tf.tensor2d([[1, 2], [3, 4]]);
    const [last, first] = [softmax(x), softmax(x, { axis: 0 })];
    expect([isSoftmaxOutput(last), isSoftmaxOutput(first)]).toEqual([true, false]);
    tf.dispose([x, last, first]);
  });

  it('normalises the last axis, stably for large logits', async () => {
    await expectNoLeakedTensors(() => {
      const y = tf.tidy(() => softmax(tf.tensor2d([[1, 2, 3], [1000, 1000, 1000], [-1000, 0, 1000]])).dataSync());
      expectArraysClose(y, [...softmaxRow([1, 2, 3]), 1 / 3, 1 / 3, 1 / 3, 0, 0, 1]);
    });
  });

  it('takes another axis, or several', () => {
    const logits = [[1, 5], [3, 2]];
    const byColumn = tf.tidy(() => softmax(tf.tensor2d(logits), { axis: 0 }).arraySync()) as number[][];
    const first = softmaxRow([1, 3]);
    const second = softmaxRow([5, 2]);
    expectArraysClose(byColumn.flat(), [first[0], second[0], first[1], second[1]]);
    const whole = tf.tidy(() => softmax(tf.tensor2d(logits), { axis: [0, 1] }).dataSync());
    expectArraysClose(whole, softmaxRow(logits.flat()));
  });

  it('has the gradient of finite differences', () => {
    const logits = [0.3, -1.2, 2];
    const weights = [1, 2, -1];
    const f = (x: number[]) => softmaxRow(x).reduce((sum, p, i) => sum + weights[i] * p, 0);
    const gradient = tf.tidy(() =>
      tf.grad((x: tf.Tensor) => tf.sum(tf.mul(softmax(x), tf.tensor1d(weights))))(tf.tensor1d(logits)).dataSync(),
    );
    const h = 1e-5;
    const differences = logits.map((_, i) => {
      const up = [...logits];
      const down = [...logits];
      up[i] += h;
      down[i] -= h;
      return (f(up) - f(down)) / (2 * h);
    });
    expectArraysClose(gradient, differences, 1e-3);
  });

  it('names an axis outside the input’s rank', () => {
    const x = tf.tensor2d([[1, 2]]);
    expect(() => softmax(x, { axis: 2 })).toThrow('Expected axis to be an integer in [-2, 2), received 2 for an input of rank 2 in activation softmax');
    x.dispose();
  });
});
