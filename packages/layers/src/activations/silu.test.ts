import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectActivation } from '@dendrite/layers/testing';
import { sigmoidReference } from '../testing/activation-references';
import { silu, swish } from './silu';

describeEachBackend('silu', () => {
  it('equals x · sigmoid(x)', () => expectActivation({ activation: silu, reference: (x) => x * sigmoidReference(x) }));

  it('is swish itself', () => expect(swish).toBe(silu));
});
