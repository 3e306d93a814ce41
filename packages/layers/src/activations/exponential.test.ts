import { it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectActivation } from '@dendrite/layers/testing';
import { exponential } from './exponential';

describeEachBackend('exponential', () => {
  it('equals exp(x) and its gradient exp(x)', () =>
    expectActivation({ activation: exponential, reference: Math.exp, points: [-30, -3, -1, -0.5, 0, 0.5, 1, 3, 10, 30] }));
});
