import { it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectActivation } from '@dendrite/layers/testing';
import { legacyHardSigmoid } from './legacy-hard-sigmoid';

describeEachBackend('legacy_hard_sigmoid', () => {
  it('is Keras 2’s and tfjs-layers’ clip(0.2·x + 0.5, 0, 1): 0 below −2.5, 1 above 2.5', () =>
    expectActivation({
      activation: legacyHardSigmoid,
      reference: (x) => Math.min(Math.max(0.2 * x + 0.5, 0), 1),
      points: [-1000, -3, -2.5, -2, -1, 0, 1, 2.4, 2.5, 3, 1000],
      kinks: [-2.5, 2.5],
    }));
});
