import { it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectActivation } from '@dendrite/layers/testing';
import { softsign } from './softsign';

describeEachBackend('softsign', () => {
  it('equals x / (|x| + 1) with gradient 1 / (|x| + 1)²', () =>
    expectActivation({ activation: softsign, reference: (x) => x / (Math.abs(x) + 1) }));
});
