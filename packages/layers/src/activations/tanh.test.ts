import { it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectActivation } from '@dendrite/layers/testing';
import { tanh } from './tanh';

describeEachBackend('tanh', () => {
  it('equals Math.tanh with gradient 1 − tanh²', () => expectActivation({ activation: tanh, reference: Math.tanh }));
});
