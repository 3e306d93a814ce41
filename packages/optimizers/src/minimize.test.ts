import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { adagrad } from './adagrad';
import { adam } from './adam';
import type { Optimizer } from './optimizer';
import { exponentialDecay } from './schedules/exponential-decay';
import { sgd } from './sgd';
import { EVERY_OPTIMIZER } from './testing/every-optimizer';

/**
 * Every optimizer variant, with rates that reach the minimum in a few hundred steps: Adagrad's
 * steps shrink as its accumulator grows, and the shared list's schedule decays to nothing in ten.
 */
const CONVERGING: Array<[string, () => Optimizer]> = EVERY_OPTIMIZER.map(([name, make]) => {
  if (name === 'Adagrad') return [name, () => adagrad({ learningRate: 1 })];
  if (name === 'Adam with a schedule') return [name, () => adam({ learningRate: exponentialDecay({ initialLearningRate: 0.2, decaySteps: 100, decayRate: 0.5 }) })];
  return [name, make];
});

/** `(w − 3)²`, as a closure over `w` for minimize. */
const distanceToThree = (w: tf.Variable) => () => tf.square(tf.sub(w, 3)).asScalar();

describeEachBackend('Optimizer.minimize', () => {
  it.each(CONVERGING)('%s minimizes (w − 3)² from w = 0, leaking nothing', async (_name, makeOptimizer) => {
    const w = tf.variable(tf.scalar(0), true);
    const optimizer = makeOptimizer();
    optimizer.minimize(distanceToThree(w)); // builds the slots
    await expectNoLeakedTensors(() => {
      for (let step = 1; step < 400; step++) optimizer.minimize(distanceToThree(w));
    });
    expect(optimizer.iterations).toBe(400);
    expect(Math.abs(w.dataSync()[0] - 3)).toBeLessThan(0.05);
    optimizer.dispose();
    w.dispose();
  });

  it('returns the cost before the step when asked, and null otherwise', async () => {
    const w = tf.variable(tf.scalar(0), true);
    const optimizer = sgd(0.25);
    const cost = await expectNoLeakedTensors(() => {
      expect(optimizer.minimize(distanceToThree(w))).toBeNull(); // w: 0 − 0.25·2·(0 − 3) = 1.5
      const returned = optimizer.minimize(distanceToThree(w), true);
      const value = returned?.dataSync()[0];
      returned?.dispose();
      return value;
    });
    expect(cost).toBeCloseTo(2.25, 6); // (1.5 − 3)², then w → 1.5 + 0.25·3 = 2.25
    expectArraysClose(w, [2.25], 1e-6);
    w.dispose();
  });

  it('updates only varList, and every trainable variable the loss reaches without it', () => {
    const a = tf.variable(tf.scalar(0), true);
    const b = tf.variable(tf.scalar(0), true);
    const loss = () => tf.add(tf.square(tf.sub(a, 1)), tf.square(tf.sub(b, 1))).asScalar();
    sgd(0.5).minimize(loss, false, [a]);
    expect([a.dataSync()[0], b.dataSync()[0]]).toEqual([1, 0]);
    sgd(0.25).minimize(loss);
    expect([a.dataSync()[0], b.dataSync()[0]]).toEqual([1, 0.5]);
    tf.dispose([a, b]);
  });

  it('goes through applyGradients: clipping and the step count apply', () => {
    const w = tf.variable(tf.scalar(0), true);
    const optimizer = sgd({ learningRate: 1, clipValue: 0.5 });
    optimizer.minimize(distanceToThree(w));
    expectArraysClose(w, [0.5], 1e-6); // the gradient −6 clipped to −0.5
    expect(optimizer.iterations).toBe(1);
    w.dispose();
  });

  it('refuses a loss that is not a function or reaches no variable, leaking nothing', async () => {
    const w = tf.variable(tf.scalar(0), true);
    const optimizer = sgd();
    await expectNoLeakedTensors(() => {
      expect(() => optimizer.minimize(3 as never)).toThrow('Expected lossFn to be a function () => tf.Scalar in optimizer "SGD", received 3');
      expect(() => optimizer.minimize(() => tf.scalar(1), false, [w])).toThrow('Cannot find a connection between any variable and the result of the loss function');
    });
    w.dispose();
  });
});
