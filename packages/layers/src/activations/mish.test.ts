import { it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectActivation } from '@dendrite/layers/testing';
import { softplusReference } from '../testing/activation-references';
import { mish } from './mish';

describeEachBackend('mish', () => {
  it('equals x · tanh(softplus(x))', () => expectActivation({ activation: mish, reference: (x) => x * Math.tanh(softplusReference(x)) }));
});
