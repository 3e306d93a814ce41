import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectActivation } from '@dendrite/layers/testing';
import { hardSilu, hardSwish } from './hard-silu';

describeEachBackend('hard_silu', () => {
  it('equals x · relu6(x + 3) / 6', () =>
    expectActivation({
      activation: hardSilu,
      reference: (x) => (x * Math.min(Math.max(x + 3, 0), 6)) / 6,
      points: [-1000, -4, -3, -2, -0.5, 0, 1, 2.5, 3, 4, 1000],
      kinks: [-3, 3],
    }));

  it('is hard_swish itself', () => expect(hardSwish).toBe(hardSilu));
});
