import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { getActivation, serializeActivation, fusedActivationOf } from './get-activation';
import { reluWith } from './activations';

const points = [-30, -3, -1, -0.5, 0, 0.5, 1, 3, 30];
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const erf = (x: number) => {
  // Abramowitz–Stegun 7.1.26, |error| < 1.5e-7: enough for a 1e-4 check.
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
};
const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

const reference: Record<string, (x: number) => number> = {
  linear: (x) => x,
  sigmoid,
  hard_sigmoid: (x) => Math.min(Math.max(x + 3, 0), 6) / 6,
  tanh: Math.tanh,
  relu: (x) => Math.max(x, 0),
  relu6: (x) => Math.min(Math.max(x, 0), 6),
  elu: (x) => (x > 0 ? x : Math.exp(x) - 1),
  selu: (x) => SELU_SCALE * (x > 0 ? x : SELU_ALPHA * (Math.exp(x) - 1)),
  leaky_relu: (x) => (x >= 0 ? x : 0.2 * x),
  softplus: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
  softsign: (x) => x / (1 + Math.abs(x)),
  swish: (x) => x * sigmoid(x),
  gelu: (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)),
  exponential: Math.exp,
  mish: (x) => x * Math.tanh(Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)))),
};

describeEachBackend('activations', () => {
  it.each(Object.keys(reference))('%s equals its formula and its gradient equals finite differences', async (name) => {
    const activation = getActivation(name);
    const f = reference[name];
    const inputs = name === 'exponential' ? points.filter((x) => Math.abs(x) < 10) : points;
    await expectNoLeakedTensors(() => {
      const values = tf.tidy(() => activation(tf.tensor1d(inputs)).dataSync());
      expectArraysClose(values, inputs.map(f), 1e-4);
      const gradients = tf.tidy(() => tf.grad((x: tf.Tensor) => tf.sum(activation(x)))(tf.tensor1d(inputs)).dataSync());
      const h = 1e-4;
      const kinks = name === 'hard_sigmoid' ? [-3, 3] : [0];
      const differences = inputs.map((x) => (kinks.includes(x) ? Number.NaN : (f(x + h) - f(x - h)) / (2 * h)));
      inputs.forEach((x, i) => {
        if (Number.isNaN(differences[i])) return; // kinks at 0
        expect(Math.abs(gradients[i] - differences[i]) / Math.max(1, Math.abs(differences[i])), `${name}'(${x})`).toBeLessThan(1e-3);
      });
    });
  });

  it('softmax and log_softmax act on the last axis', () => {
    const logits = [[1, 2, 3], [1000, 1000, 1000]];
    const softmax = tf.tidy(() => getActivation('softmax')(tf.tensor2d(logits)).arraySync()) as number[][];
    const e = [Math.exp(-2), Math.exp(-1), 1];
    const sum = e[0] + e[1] + e[2];
    expectArraysClose(softmax.flat(), [...e.map((v) => v / sum), 1 / 3, 1 / 3, 1 / 3]);
    const logSoftmax = tf.tidy(() => getActivation('logSoftmax')(tf.tensor2d(logits)).arraySync()) as number[][];
    expectArraysClose(logSoftmax[0], e.map((v) => Math.log(v / sum)));
  });

  it('relu takes Keras’s negativeSlope, maxValue and threshold', () => {
    const y = tf.tidy(() => reluWith({ negativeSlope: 0.1, maxValue: 2, threshold: 1 })(tf.tensor1d([-1, 0.5, 1.5, 3])).dataSync());
    expectArraysClose(y, [0.1 * -2, 0.1 * -0.5, 1.5, 2]);
  });
});

it('resolves every Keras spelling, serializes back, and knows which fuse', () => {
  expect(getActivation('leaky_relu')).toBe(getActivation('leakyRelu'));
  expect(getActivation('LeakyReLU')).toBe(getActivation('leaky_relu'));
  expect(getActivation('swish')).toBe(getActivation('silu'));
  expect(serializeActivation(getActivation(undefined))).toBe('linear');
  expect(serializeActivation(getActivation('hardSigmoid'))).toBe('hard_sigmoid');
  expect(fusedActivationOf(getActivation('relu'))).toEqual({ name: 'relu' });
  expect(fusedActivationOf(getActivation('tanh'))).toBeUndefined();
  expect(() => getActivation('rleu')).toThrow(/^Unknown activation "rleu": expected one of linear, sigmoid, hard_sigmoid/);
  expect(() => serializeActivation((x) => x)).toThrow(/Expected a built-in activation/);
});
