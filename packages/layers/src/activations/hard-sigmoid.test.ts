import { it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectActivation } from '@dendrite/layers/testing';
import { hardSigmoid } from './hard-sigmoid';

describeEachBackend('hard_sigmoid', () => {
  it('is Keras 3’s relu6(x + 3) / 6: 0 below −3, x/6 + 0.5 between, 1 above 3', () =>
    expectActivation({
      activation: hardSigmoid,
      reference: (x) => Math.min(Math.max(x + 3, 0), 6) / 6,
      points: [-1000, -4, -3, -2.5, -1, 0, 1.5, 2.9, 3, 4, 1000],
      kinks: [-3, 3],
    }));
});
