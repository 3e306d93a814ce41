import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, makeVariable } from '@dendrite/optimizers/testing';
import { SGD } from './sgd';

/** SGD that records the scalars its steps ask for, to check what `scalar` shares. */
class ScalarProbe extends SGD {
  readonly seen: tf.Scalar[] = [];

  protected override updateStep(gradient: tf.Tensor, variable: tf.Variable, learningRate: number, slots: Record<string, tf.Variable>): void {
    this.seen.push(this.scalar(0.25), this.scalar(0.25), this.scalar(0.5));
    super.updateStep(gradient, variable, learningRate, slots);
  }

  /** `scalar` called outside a step. */
  scalarOutsideStep(value: number): tf.Scalar {
    return this.scalar(value);
  }
}

describeEachBackend('Optimizer.scalar', () => {
  it('uploads each value once per step, shared by every variable’s update, and frees it with the step', () => {
    const a = makeVariable([1, 2]);
    const b = makeVariable([3]);
    const optimizer = new ScalarProbe({ learningRate: 0.5 });
    const gradients = [tf.ones([2]), tf.ones([1])];
    const before = tf.memory().numTensors;
    optimizer.applyGradients([
      [gradients[0], a],
      [gradients[1], b],
    ]);
    const [first, again, other, second] = optimizer.seen;
    expect(again).toBe(first);
    expect(second).toBe(first); // the second variable's update gets the same tensor
    expect(other).not.toBe(first);
    expect(optimizer.seen.every((scalar) => scalar.isDisposed)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    expectArraysClose(a, [0.5, 1.5], 1e-6);
    expectArraysClose(b, [2.5], 1e-6);
    // The next step uploads its own.
    tf.tidy(() => optimizer.applyGradients([[tf.ones([1]), b]]));
    expect(optimizer.seen[6]).not.toBe(first);
    tf.dispose([a, b, ...gradients]);
  });

  it('outside a step (before the first or after one), makes a new scalar each call (the caller frees it)', () => {
    const optimizer = new ScalarProbe();
    tf.tidy(() => {
      expect(optimizer.scalarOutsideStep(3)).not.toBe(optimizer.scalarOutsideStep(3));
    });
    const w = makeVariable([1]);
    tf.tidy(() => optimizer.applyGradients([[tf.ones([1]), w]]));
    w.dispose();
    const one = optimizer.scalarOutsideStep(2);
    const two = optimizer.scalarOutsideStep(2);
    expect(two).not.toBe(one);
    expect([one.dataSync()[0], two.dataSync()[0]]).toEqual([2, 2]);
    tf.dispose([one, two]);
  });
});
