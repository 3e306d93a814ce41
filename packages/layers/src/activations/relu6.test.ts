import { it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectActivation } from '@dendrite/layers/testing';
import { relu6 } from './relu6';

describeEachBackend('relu6', () => {
  it('equals min(max(x, 0), 6)', () =>
    expectActivation({ activation: relu6, reference: (x) => Math.min(Math.max(x, 0), 6), points: [-1000, -1, 0, 0.5, 3, 5.9, 6, 7, 1000], kinks: [0, 6] }));
});
