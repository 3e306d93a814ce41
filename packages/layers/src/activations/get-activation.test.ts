import { describe, expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { activationName, activationNames, getActivation, registerActivation, serializeActivation } from './get-activation';
import { gelu, geluApproximate } from './gelu';
import { hardSigmoid } from './hard-sigmoid';
import { hardSilu } from './hard-silu';
import { leakyRelu } from './leaky-relu';
import { linear } from './linear';
import { logSoftmax } from './log-softmax';
import { relu } from './relu';
import { silu } from './silu';

describe('getActivation', () => {
  it.each([
    [['relu', 'Relu', 'RELU'], relu],
    [['leaky_relu', 'leakyRelu', 'LeakyReLU', 'LEAKY_RELU'], leakyRelu],
    [['log_softmax', 'logSoftmax', 'LogSoftmax'], logSoftmax],
    [['hard_sigmoid', 'hardSigmoid', 'HardSigmoid'], hardSigmoid],
    [['silu', 'swish', 'SiLU', 'Swish'], silu],
    [['hard_silu', 'hard_swish', 'hardSwish'], hardSilu],
    [['gelu', 'GELU'], gelu],
    [['gelu_new'], geluApproximate],
  ] as const)('resolves every spelling of %j', (names, expected) => {
    for (const name of names) expect(getActivation(name), name).toBe(expected);
  });

  it('passes functions through and reads null/undefined as linear', () => {
    const custom = (x: tf.Tensor) => tf.mul(x, 2);
    expect(getActivation(custom)).toBe(custom);
    expect(getActivation(undefined)).toBe(linear);
    expect(getActivation(null)).toBe(linear);
  });

  it('names an unknown activation and lists the known ones', () => {
    expect(() => getActivation('rleu')).toThrow(
      /^Unknown activation "rleu": expected one of linear, sigmoid, hard_sigmoid, legacy_hard_sigmoid, tanh, relu, relu6, elu, selu, leaky_relu, softmax, log_softmax, softplus, softsign, silu, swish, hard_silu, hard_swish, gelu, gelu_new, exponential, mish$/,
    );
    expect(() => getActivation(3 as never)).toThrow('Expected an activation name, a function, null or undefined, received number 3');
  });
});

describe('serializeActivation', () => {
  it('gives back Keras’s name of every built-in, and resolving it gives the same function', () => {
    for (const name of activationNames()) {
      const activation = getActivation(name);
      expect(getActivation(serializeActivation(activation))).toBe(activation);
    }
    expect(serializeActivation(getActivation('swish'))).toBe('silu');
    expect(serializeActivation(getActivation('LeakyReLU'))).toBe('leaky_relu');
    expect(serializeActivation(getActivation(undefined))).toBe('linear');
    expect(activationName((x) => x)).toBeUndefined();
  });

  it('refuses an unregistered function, saying how to register it', () => {
    function double(x: tf.Tensor) {
      return tf.mul(x, 2);
    }
    expect(() => serializeActivation(double)).toThrow('Expected a built-in or registered activation to serialize, received the function "double"; register it with registerActivation(name, fn)');
  });

  it('round-trips a registered custom activation, and refuses a taken name', () => {
    const halfRelu = (x: tf.Tensor) => tf.mul(tf.relu(x), 0.5);
    registerActivation('half_relu_for_test', halfRelu);
    expect(getActivation('halfReluForTest')).toBe(halfRelu);
    expect(serializeActivation(halfRelu)).toBe('half_relu_for_test');
    expect(() => registerActivation('LeakyReLU', halfRelu)).toThrow('Expected a new activation name in registerActivation, received "LeakyReLU", already registered for leaky_relu');
  });
});
