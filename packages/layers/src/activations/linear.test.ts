import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectActivation } from '@dendrite/layers/testing';
import { linear } from './linear';

describeEachBackend('linear', () => {
  it('is the identity with gradient 1', () => expectActivation({ activation: linear, reference: (x) => x }));

  it('returns its input tensor itself', () => {
    const x = tf.tensor1d([1, -2]);
    expect(linear(x)).toBe(x);
    x.dispose();
  });
});
