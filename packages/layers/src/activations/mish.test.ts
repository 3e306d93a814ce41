import { it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectActivation, softplusReference } from './expect-activation';
import { mish } from './mish';

describeEachBackend('mish', () => {
  it('equals x · tanh(softplus(x))', () => expectActivation({ activation: mish, reference: (x) => x * Math.tanh(softplusReference(x)) }));
});
