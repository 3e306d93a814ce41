import { it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectActivation } from '@dendrite/layers/testing';
import { sigmoidReference } from '../testing/activation-references';
import { sigmoid } from './sigmoid';

describeEachBackend('sigmoid', () => {
  it('equals 1 / (1 + exp(−x)), saturating to exactly 0 and 1 at ±1000, with matching gradients', () =>
    expectActivation({ activation: sigmoid, reference: sigmoidReference }));
});
