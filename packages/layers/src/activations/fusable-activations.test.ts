import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors, seededArray } from '@dendrite/test-utils';
import { FUSABLE_ACTIVATIONS, fusedActivationOf } from './fusable-activations';
import { getActivation } from './get-activation';
import { reluWith } from './relu';

describe('fusedActivationOf', () => {
  it('finds the fusable built-ins by function, and no others', () => {
    expect(Object.keys(FUSABLE_ACTIVATIONS)).toEqual(['linear', 'relu', 'relu6', 'elu', 'sigmoid', 'leaky_relu']);
    expect(fusedActivationOf(getActivation('relu'))).toEqual({ name: 'relu' });
    expect(fusedActivationOf(getActivation('LeakyReLU'))).toEqual({ name: 'leakyrelu', alpha: 0.2 });
    expect(fusedActivationOf(getActivation(undefined))).toEqual({ name: 'linear' });
    for (const name of ['tanh', 'softmax', 'gelu', 'selu', 'swish']) expect(fusedActivationOf(getActivation(name)), name).toBeUndefined();
    expect(fusedActivationOf(reluWith({ maxValue: 6 }))).toBeUndefined();
    expect(fusedActivationOf((x) => x)).toBeUndefined();
  });
});

describeEachBackend('FUSABLE_ACTIVATIONS', () => {
  const a = () => tf.tensor2d(seededArray(12, 1, -2, 2), [3, 4]);
  const b = () => tf.tensor2d(seededArray(20, 2, -2, 2), [4, 5]);
  const bias = () => tf.tensor1d(seededArray(5, 3, -1, 1));

  it.each(Object.keys(FUSABLE_ACTIVATIONS))('%s: the fused matmul equals matmul + bias then the activation, gradients too', async (name) => {
    const activation = getActivation(name);
    const fused = FUSABLE_ACTIVATIONS[name];
    await expectNoLeakedTensors(() => {
      const [fusedOut, plainOut] = tf.tidy(() => [
        tf.fused.matMul({ a: a(), b: b(), bias: bias(), activation: fused.name, leakyreluAlpha: fused.alpha }).dataSync(),
        activation(tf.add(tf.matMul(a(), b()), bias())).dataSync(),
      ]);
      expectArraysClose(fusedOut, plainOut);
      const [fusedGrad, plainGrad] = tf.tidy(() => [
        tf.grad((w: tf.Tensor) => tf.sum(tf.fused.matMul({ a: a(), b: w as tf.Tensor2D, bias: bias(), activation: fused.name, leakyreluAlpha: fused.alpha })))(b()).dataSync(),
        tf.grad((w: tf.Tensor) => tf.sum(activation(tf.add(tf.matMul(a(), w), bias()))))(b()).dataSync(),
      ]);
      expectArraysClose(fusedGrad, plainGrad);
    });
  });
});
