import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { adam } from './adam';
import { exponentialDecay } from './schedules/exponential-decay';
import { sgd } from './sgd';
import { EVERY_OPTIMIZER } from './testing/every-optimizer';
import { makeVariable, stepWith } from '@dendrite/optimizers/testing';

describeEachBackend('Optimizer', () => {
  it('takes tf.variableGrads’s gradients directly, with or without the variable list', () => {
    const w = makeVariable([1, -1]);
    const optimizer = sgd({ learningRate: 0.1 });
    for (const variables of [[w], undefined]) {
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.square(w)) as tf.Scalar, [w]);
      optimizer.applyGradients(grads, variables);
      tf.dispose([value, ...Object.values(grads)]);
    }
    // w ← w − 0.1·2w twice: w·0.8²
    expectArraysClose(w, [0.64, -0.64], 1e-6);
    expect(optimizer.iterations).toBe(2);
    w.dispose();
  });

  it('takes [gradient, variable] pairs, skipping null gradients', () => {
    const a = makeVariable([1]);
    const b = makeVariable([1]);
    const g = tf.tensor1d([2]);
    const optimizer = sgd({ learningRate: 0.5 });
    optimizer.applyGradients([[g, a], [null, b]]);
    expectArraysClose(a, [0], 1e-6);
    expectArraysClose(b, [1], 1e-6);
    tf.dispose([a, b, g]);
  });

  it('does nothing, and counts no step, for no gradients', () => {
    const optimizer = adam();
    optimizer.applyGradients([]);
    optimizer.applyGradients({}, []);
    expect(optimizer.iterations).toBe(0);
    expect(optimizer.variables).toEqual([]);
  });

  it('builds non-trainable slot variables lazily, once per variable', () => {
    const w = makeVariable([1, 2, 3]);
    const optimizer = adam({ amsgrad: true });
    expect(optimizer.variables).toEqual([]);
    optimizer.build([w]);
    expect(optimizer.variables.map((slot) => [slot.shape, slot.trainable])).toEqual([
      [[3], false],
      [[3], false],
      [[3], false],
    ]);
    const slots = optimizer.variables;
    stepWith(optimizer, w, [1, 1, 1]);
    expect(optimizer.variables).toEqual(slots);
    w.dispose();
    optimizer.dispose();
    expect(optimizer.variables).toEqual([]);
  });

  it('uses a new learning rate set between steps', () => {
    const w = makeVariable([1]);
    const optimizer = sgd({ learningRate: 0.1 });
    stepWith(optimizer, w, [1]); // 1 − 0.1
    optimizer.learningRate = 0.5;
    expect(optimizer.currentLearningRate()).toBe(0.5);
    stepWith(optimizer, w, [1]); // 0.9 − 0.5
    expectArraysClose(w, [0.4], 1e-6);
    w.dispose();
  });

  it('reads a schedule at the current step, and a number set later replaces it', () => {
    const w = makeVariable([0]);
    const optimizer = sgd({ learningRate: exponentialDecay({ initialLearningRate: 1, decaySteps: 1, decayRate: 0.5 }) });
    const rates: number[] = [];
    for (let i = 0; i < 3; i++) {
      rates.push(optimizer.currentLearningRate());
      stepWith(optimizer, w, [1]);
    }
    expect(rates).toEqual([1, 0.5, 0.25]);
    expectArraysClose(w, [-1.75], 1e-6);
    optimizer.learningRate = 0.01;
    expect(optimizer.learningRate).toBe(0.01);
    expect(optimizer.currentLearningRate()).toBe(0.01);
    stepWith(optimizer, w, [1]);
    expectArraysClose(w, [-1.76], 1e-6);
    w.dispose();
  });

  it('applies weight decay in any optimizer that is given it (Keras 3): w ← w − w·λ·η − η·g for SGD', () => {
    const w = makeVariable([2]);
    const optimizer = sgd({ learningRate: 0.1, weightDecay: 0.5 });
    stepWith(optimizer, w, [1]);
    expectArraysClose(w, [2 - 2 * 0.5 * 0.1 - 0.1 * 1], 1e-6);
    expect(optimizer.getConfig().weight_decay).toBe(0.5);
    w.dispose();
  });

  it('runs inside an outer tf.tidy (as a train step does) and keeps its slots', () => {
    const w = makeVariable([1]);
    const optimizer = adam({ learningRate: 0.1 });
    tf.tidy(() => optimizer.applyGradients([[tf.ones([1]), w]]));
    tf.tidy(() => optimizer.applyGradients([[tf.ones([1]), w]]));
    expect(optimizer.variables.every((slot) => !slot.isDisposed)).toBe(true);
    expect(optimizer.iterations).toBe(2);
    w.dispose();
    optimizer.dispose();
  });

  it.each(EVERY_OPTIMIZER)('%s: leaks no tensor per step, and frees every slot on dispose', async (_name, make) => {
    const before = tf.memory().numTensors;
    const w = makeVariable([1, -2, 3]);
    const optimizer = make();
    stepWith(optimizer, w, [0.5, -1, 0.1]); // the first step makes the slots
    await expectNoLeakedTensors(() => {
      stepWith(optimizer, w, [0.2, 0.3, -0.4]);
      stepWith(optimizer, w, [-0.4, 0.1, 0.2]);
    });
    optimizer.dispose();
    w.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects gradients that do not fit, naming the variable', () => {
    const w = makeVariable([0, 0], `w_${tf.getBackend()}`);
    const g = tf.zeros([3]);
    const optimizer = sgd();
    expect(() => optimizer.applyGradients([[g, w]])).toThrow(`Expected the gradient of variable "${w.name}" to have shape [2] in optimizer "SGD", received [3]`);
    expect(() => optimizer.applyGradients({ nowhere: g })).toThrow('Expected gradient "nowhere" to name a registered tf.Variable in optimizer "SGD", received no such variable');
    expect(() => optimizer.applyGradients({ nowhere: g }, [w])).toThrow(`Expected gradient "nowhere" to name one in the variables [${w.name}] in optimizer "SGD", received no such variable`);
    expect(() => optimizer.applyGradients([[null, w]])).toThrow(`Expected a gradient for at least one variable in optimizer "SGD", received only null gradients for [${w.name}]`);
    const right = tf.zeros([2]);
    expect(() => optimizer.applyGradients([[right, w], [right, w]])).toThrow(`Expected each variable once in optimizer "SGD", received "${w.name}" twice`);
    expect(optimizer.iterations).toBe(0);
    tf.dispose([w, g, right]);
  });

  it('rejects a bad learning rate set later, keeping the old one', () => {
    const optimizer = adam({ learningRate: 0.01 });
    expect(() => {
      optimizer.learningRate = -1;
    }).toThrow('Expected learningRate to be a finite number ≥ 0, received -1 in optimizer "adam"');
    expect(() => {
      optimizer.learningRate = '0.1' as never;
    }).toThrow('Expected learningRate to be a finite number ≥ 0, received "0.1" in optimizer "adam"');
    expect(() => adam({ learningRate: { call: () => 0.1 } as never })).toThrow(
      'Expected learningRate to be a finite number ≥ 0 or a LearningRateSchedule, received {"call":function call} in optimizer "adam"',
    );
    expect(optimizer.learningRate).toBe(0.01);
  });
});
