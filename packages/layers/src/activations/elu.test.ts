import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectActivation } from '@dendrite/layers/testing';
import { elu } from './elu';

describeEachBackend('elu', () => {
  it('equals x above 0 and exp(x) − 1 below (alpha 1)', () => expectActivation({ activation: elu, reference: (x) => (x > 0 ? x : Math.expm1(x)) }));

  it('takes alpha, with finite gradients at ±1000', () =>
    expectActivation({ activation: (x) => elu(x, { alpha: 2 }), reference: (x) => (x > 0 ? x : 2 * Math.expm1(x)), kinks: [0] }));

  it('refuses a non-finite alpha', () => {
    const x = tf.tensor1d([1]);
    expect(() => elu(x, { alpha: Number.POSITIVE_INFINITY })).toThrow('Expected alpha to be a finite number, received Infinity in activation elu');
    x.dispose();
  });
});
