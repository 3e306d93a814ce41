import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { adagrad, adam, adamax, adamw, get, nadam, rmsprop, serialize, sgd } from './index';
import type { Optimizer } from './optimizer';

const W0 = [1, -2];
const GRADIENTS = [[0.5, -1], [0.2, 0.3], [-0.4, 0.1]];

/** A variable from values, its initial tensor freed. */
function variable(values: number[], name?: string): tf.Variable {
  return makeVariable(values, name);
}

function makeVariable(values: number[], name?: string): tf.Variable {
  const initial = tf.tensor1d(values);
  const v = tf.variable(initial, true, name);
  initial.dispose();
  return v;
}

/** Runs three steps with fixed gradients; returns the weights after each. */
function run(optimizer: Optimizer): number[][] {
  const w = variable(W0);
  const after: number[][] = [];
  for (const g of GRADIENTS) {
    const gradient = tf.tensor1d(g);
    optimizer.applyGradients([[gradient, w]]);
    gradient.dispose();
    after.push(Array.from(w.dataSync()));
  }
  w.dispose();
  optimizer.dispose();
  return after;
}

/** The same three steps in plain JS, one weight at a time, from an update rule. */
function byHand(update: (w: number, g: number, state: Record<string, number>, t: number) => number, init: Record<string, number> = {}): number[][] {
  const states = W0.map(() => ({ ...init }));
  const w = [...W0];
  return GRADIENTS.map((g, step) => {
    for (let i = 0; i < w.length; i++) w[i] = update(w[i], g[i], states[i], step + 1);
    return [...w];
  });
}

function adamRule(lr: number, b1: number, b2: number, eps: number, amsgrad = false) {
  return (w: number, g: number, s: Record<string, number>, t: number) => {
    s.m = s.m + (g - s.m) * (1 - b1);
    s.v = s.v + (g * g - s.v) * (1 - b2);
    s.vHat = Math.max(s.vHat, s.v);
    const alpha = (lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
    return w - (alpha * s.m) / (Math.sqrt(amsgrad ? s.vHat : s.v) + eps);
  };
}

describeEachBackend('optimizers', () => {
  it.each([
    ['SGD', () => sgd(), byHand((w, g) => w - 0.01 * g)],
    ['SGD momentum', () => sgd({ learningRate: 0.1, momentum: 0.9 }), byHand((w, g, s) => ((s.m = 0.9 * s.m - 0.1 * g), w + s.m), { m: 0 })],
    ['SGD nesterov', () => sgd({ learningRate: 0.1, momentum: 0.9, nesterov: true }), byHand((w, g, s) => ((s.m = 0.9 * s.m - 0.1 * g), w + 0.9 * s.m - 0.1 * g), { m: 0 })],
    ['Adagrad', () => adagrad({ learningRate: 0.1 }), byHand((w, g, s) => ((s.a += g * g), w - (0.1 * g) / Math.sqrt(s.a + 1e-7)), { a: 0.1 })],
    ['RMSprop', () => rmsprop({ learningRate: 0.01 }), byHand((w, g, s) => ((s.v = 0.9 * s.v + 0.1 * g * g), w - (0.01 * g) / Math.sqrt(s.v + 1e-7)), { v: 0 })],
    [
      'RMSprop centered with momentum',
      () => rmsprop({ learningRate: 0.01, centered: true, momentum: 0.5 }),
      byHand(
        (w, g, s) => {
          s.v = 0.9 * s.v + 0.1 * g * g;
          s.avg = 0.9 * s.avg + 0.1 * g;
          s.m = 0.5 * s.m + (0.01 * g) / Math.sqrt(s.v - s.avg * s.avg + 1e-7);
          return w - s.m;
        },
        { v: 0, avg: 0, m: 0 },
      ),
    ],
    ['Adam', () => adam({ learningRate: 0.1 }), byHand(adamRule(0.1, 0.9, 0.999, 1e-7), { m: 0, v: 0, vHat: 0 })],
    ['Adam amsgrad', () => adam({ learningRate: 0.1, amsgrad: true }), byHand(adamRule(0.1, 0.9, 0.999, 1e-7, true), { m: 0, v: 0, vHat: 0 })],
    [
      'AdamW',
      () => adamw({ learningRate: 0.1, weightDecay: 0.1 }),
      byHand((w, g, s, t) => adamRule(0.1, 0.9, 0.999, 1e-7)(w - w * 0.1 * 0.1, g, s, t), { m: 0, v: 0, vHat: 0 }),
    ],
    [
      'Adamax',
      () => adamax({ learningRate: 0.1 }),
      byHand((w, g, s, t) => ((s.m += (g - s.m) * 0.1), (s.u = Math.max(0.999 * s.u, Math.abs(g))), w - (0.1 * s.m) / ((1 - 0.9 ** t) * (s.u + 1e-7))), { m: 0, u: 0 }),
    ],
    [
      'Nadam',
      () => nadam({ learningRate: 0.1 }),
      (() => {
        const u = (t: number) => 0.9 * (1 - 0.5 * 0.96 ** t);
        let product = 1;
        let lastStep = 0;
        return byHand(
          (w, g, s, t) => {
            if (t !== lastStep) {
              product *= u(t);
              lastStep = t;
            }
            s.m += (g - s.m) * 0.1;
            s.v += (g * g - s.v) * 0.001;
            const mHat = (u(t + 1) * s.m) / (1 - product * u(t + 1)) + ((1 - u(t)) * g) / (1 - product);
            const vHat = s.v / (1 - 0.999 ** t);
            return w - (0.1 * mHat) / (Math.sqrt(vHat) + 1e-7);
          },
          { m: 0, v: 0 },
        );
      })(),
    ],
  ] as const)('%s: the first three updates equal the formulas', async (_name, make, expected) => {
    const actual = await expectNoLeakedTensors(() => run(make()));
    actual.forEach((weights, step) => expectArraysClose(weights, expected[step], 1e-5));
  });

  it('clips by value, by norm and by global norm', () => {
    const cases: Array<[Optimizer, number[][]]> = [
      [sgd({ learningRate: 1, clipValue: 0.3 }), [[0.3, -0.3]]],
      [sgd({ learningRate: 1, clipNorm: 0.5 }), [[0.5 * (0.5 / Math.hypot(0.5, 1)), -1 * (0.5 / Math.hypot(0.5, 1))]]],
    ];
    for (const [optimizer, [step]] of cases) {
      const w = tf.variable(tf.zeros([2]));
      const g = tf.tensor1d([0.5, -1]);
      optimizer.applyGradients([[g, w]]);
      expectArraysClose(w, step.map((x) => -x), 1e-6);
      tf.dispose([w, g]);
      optimizer.dispose();
    }
    const optimizer = sgd({ learningRate: 1, globalClipNorm: 1 });
    const a = tf.variable(tf.zeros([1]));
    const b = tf.variable(tf.zeros([1]));
    const ga = tf.tensor1d([3]);
    const gb = tf.tensor1d([4]);
    optimizer.applyGradients([[ga, a], [gb, b]]); // global norm 5 → scaled by 1/5
    expectArraysClose(a, [-0.6], 1e-6);
    expectArraysClose(b, [-0.8], 1e-6);
    tf.dispose([a, b, ga, gb]);
  });

  it('takes gradients keyed by name, as tf.variableGrads gives them, and a new learning rate between steps', () => {
    const w = variable([1]);
    const optimizer = sgd({ learningRate: 0.1 });
    const step = () => {
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.square(w)) as tf.Scalar, [w]);
      optimizer.applyGradients(grads, [w]);
      tf.dispose([value, ...Object.values(grads)]);
    };
    step(); // 1 − 0.1·2 = 0.8
    optimizer.learningRate = 0.5;
    step(); // 0.8 − 0.5·1.6 = 0
    expectArraysClose(w, [0], 1e-6);
    expect(optimizer.iterations).toBe(2);
    w.dispose();
  });

  it('saves and restores its state so training continues identically', () => {
    const continueFrom = (restore: boolean) => {
      const w = variable([1, 2], `w_${restore}`);
      const optimizer = adam({ learningRate: 0.1 });
      const step = (opt: Optimizer, variable: tf.Variable) => {
        const g = tf.tidy(() => tf.mul(variable, 2));
        opt.applyGradients([[g, variable]]);
        g.dispose();
      };
      for (let i = 0; i < 3; i++) step(optimizer, w);
      const state = optimizer.getState();
      const weights = w.dataSync().slice();
      let target = optimizer;
      let current = w;
      if (restore) {
        const copy = makeVariable(Array.from(weights), `w_${restore}_copy`);
        current = copy;
        target = adam({ learningRate: 0.1 });
        target.setState({ ...state, slots: state.slots.map((slot) => ({ ...slot, variable: copy.name })) }, [copy]);
      }
      for (let i = 0; i < 2; i++) step(target, current);
      const result = Array.from(current.dataSync());
      tf.dispose([w, current]);
      optimizer.dispose();
      target.dispose();
      return result;
    };
    expect(continueFrom(true)).toEqual(continueFrom(false));
  });
});

it('round-trips configs in Keras’s keys and resolves identifiers', () => {
  const optimizer = adam({ learningRate: 0.01, amsgrad: true, clipNorm: 1 });
  const config = serialize(optimizer);
  expect(config).toEqual({
    class_name: 'Adam',
    config: { name: 'adam', learning_rate: 0.01, weight_decay: null, clipnorm: 1, global_clipnorm: null, clipvalue: null, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: true },
  });
  expect(serialize(get(config))).toEqual(config);
  expect(get('adam').className).toBe('Adam');
  expect(get('Adam').className).toBe('Adam');
  expect(get('RMSprop').className).toBe('RMSprop');
  expect(get('sgd').getConfig().learning_rate).toBe(0.01);
  expect(get(optimizer)).toBe(optimizer);
  expect(() => get('adamm')).toThrow(/^Unknown optimizer "adamm": expected one of SGD, Adagrad, RMSprop, Adam, Adamax, Nadam, AdamW/);
});

it('rejects bad hyperparameters, naming them', () => {
  expect(() => adam({ learningRate: -1 })).toThrow('Expected learningRate to be a finite number ≥ 0, received -1 in optimizer "adam"');
  expect(() => adam({ beta1: 1 })).toThrow('Expected beta1 to be a number in [0, 1), received 1 in optimizer "adam"');
  expect(() => sgd({ momentum: 1.5 })).toThrow('Expected momentum to be a number in [0, 1], received 1.5 in optimizer "SGD"');
  expect(() => sgd({ clipNorm: 1, clipValue: 1 })).toThrow('Expected at most one of clipValue, clipNorm, globalClipNorm in optimizer "SGD", received clipValue and clipNorm');
  const w = tf.variable(tf.zeros([2]));
  const g = tf.zeros([3]);
  expect(() => sgd().applyGradients([[g, w]])).toThrow(`Expected a gradient of shape [2] for variable "${w.name}" in optimizer "SGD", received [3]`);
  tf.dispose([w, g]);
});
