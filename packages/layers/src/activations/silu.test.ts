import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectActivation, sigmoidReference } from './expect-activation';
import { silu, swish } from './silu';

describeEachBackend('silu', () => {
  it('equals x · sigmoid(x)', () => expectActivation({ activation: silu, reference: (x) => x * sigmoidReference(x) }));

  it('is swish itself', () => expect(swish).toBe(silu));
});
