import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectActivation } from '@dendrite/layers/testing';
import { leakyRelu } from './leaky-relu';

describeEachBackend('leaky_relu', () => {
  it('has Keras 3’s default slope 0.2', () => expectActivation({ activation: leakyRelu, reference: (x) => (x >= 0 ? x : 0.2 * x), kinks: [0] }));

  it('takes negativeSlope', () =>
    expectActivation({ activation: (x) => leakyRelu(x, { negativeSlope: 0.5 }), reference: (x) => (x >= 0 ? x : 0.5 * x), kinks: [0] }));

  it('refuses a negative slope', () => {
    const x = tf.tensor1d([1]);
    expect(() => leakyRelu(x, { negativeSlope: -0.1 })).toThrow('Expected negativeSlope to be a finite number ≥ 0, received -0.1 in activation leaky_relu');
    x.dispose();
  });
});
