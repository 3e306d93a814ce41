import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { erfReference } from '../testing/activation-references';
import { expectActivation } from '@dendrite/layers/testing';
import { gelu, geluApproximate } from './gelu';

const exact = (x: number) => 0.5 * x * (1 + erfReference(x / Math.SQRT2));
const tanhForm = (x: number) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));

describeEachBackend('gelu', () => {
  it('defaults to the exact erf form, as Keras (approximate=false)', () => expectActivation({ activation: gelu, reference: exact }));

  it('takes the tanh form with approximate: true, and geluApproximate is that form', async () => {
    await expectActivation({ activation: (x) => gelu(x, { approximate: true }), reference: tanhForm });
    await expectActivation({ activation: geluApproximate, reference: tanhForm });
  });

  it('gives the known values at 1: 0.841345 exact, 0.841192 approximate', () => {
    const [exactAtOne, approximateAtOne] = tf.tidy(() => [gelu(tf.scalar(1)).dataSync()[0], gelu(tf.scalar(1), { approximate: true }).dataSync()[0]]);
    expectArraysClose([exactAtOne, approximateAtOne], [0.8413447, 0.8411920], 1e-5);
    expect(exactAtOne).not.toBeCloseTo(approximateAtOne, 5);
  });
});
