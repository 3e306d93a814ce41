import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectActivation } from '@dendrite/layers/testing';
import { softplusReference } from '../testing/activation-references';
import { softplus } from './softplus';

describeEachBackend('softplus', () => {
  it('equals log(1 + exp(x)) stably, with gradient sigmoid(x)', () => expectActivation({ activation: softplus, reference: softplusReference }));

  it('stays finite far out: x at +1000, exp(x) at −100', () => {
    const values = tf.tidy(() => softplus(tf.tensor1d([1000, 100, -100])).dataSync());
    expect(values[0]).toBe(1000);
    expect(values[1]).toBe(100);
    expect(values[2]).toBeGreaterThanOrEqual(0);
    expect(values[2]).toBeLessThan(1e-40);
  });
});
