import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, makeVariable, stepWith } from '@dendrite/optimizers/testing';
import { SGD, sgd } from './sgd';

/** SGD whose update fails, to see what a failed step leaves behind. */
class FailingSGD extends SGD {
  protected override updateStep(): void {
    throw new Error('update failed');
  }
}

describeEachBackend('Optimizer edge cases', () => {
  it('refuses null as a learning rate set later, as the number it is not', () => {
    const optimizer = sgd({ learningRate: 0.1 });
    expect(() => {
      optimizer.learningRate = null as never;
    }).toThrow(new TypeError('Expected learningRate to be a finite number ≥ 0, received null in optimizer "SGD"'));
    expect(optimizer.learningRate).toBe(0.1);
  });

  it('has no extra state of its own unless an optimizer keeps some', () => {
    expect(sgd().getState().extra).toEqual({});
  });

  it('frees the loss when the step fails, even when asked to return it', () => {
    const w = makeVariable([1]);
    const optimizer = new FailingSGD();
    const before = tf.memory().numTensors;
    for (const returnCost of [true, false]) {
      expect(() => optimizer.minimize(() => tf.sum(tf.square(w)) as tf.Scalar, returnCost, [w])).toThrow('update failed');
      expect(tf.memory().numTensors).toBe(before);
    }
    w.dispose();
  });

  it('restores only into the variables given when a list is given, though others are registered', () => {
    const w = makeVariable([1, 2]);
    const other = makeVariable([0, 0]);
    const optimizer = sgd({ momentum: 0.9 });
    stepWith(optimizer, w, [1, 1]);
    const state = optimizer.getState();
    expect(() => sgd({ momentum: 0.9 }).setState(state, [other])).toThrow(`Expected a variable named "${w.name}" for slot "momentum" of variable "${w.name}" in optimizer "SGD", received none`);
    optimizer.dispose();
    tf.dispose([w, other]);
  });

  it('refuses a state that is not {iterations, slots}, naming what it received', () => {
    const optimizer = sgd();
    expect(() => optimizer.setState(null as never)).toThrow('Expected a state {iterations, slots} in optimizer "SGD", received null');
    expect(() => optimizer.setState({ iterations: 3 } as never)).toThrow('Expected a state {iterations, slots} in optimizer "SGD", received {"iterations":3}');
    expect(optimizer.iterations).toBe(0);
  });
});
