import { it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { expectActivation } from '@dendrite/layers/testing';
import { SELU_ALPHA, SELU_SCALE, selu } from './selu';

describeEachBackend('selu', () => {
  it('equals scale·x above 0 and scale·alpha·(exp(x) − 1) below, with Keras’s constants', () =>
    expectActivation({ activation: selu, reference: (x) => SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x)), kinks: [0] }));
});
