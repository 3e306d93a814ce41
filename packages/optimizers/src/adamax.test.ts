import { expect, it } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { Adamax, adamax } from './adamax';
import { type HandState, expectWeights, stepsByHand, weightsAfterSteps } from '@dendrite/optimizers/testing';

/** Keras 3's Adamax for one weight, in plain numbers. */
function adamaxByHand(lr: number, beta1: number, beta2: number, epsilon: number) {
  return (w: number, g: number, s: HandState, t: number) => {
    s.m = s.m + (g - s.m) * (1 - beta1);
    s.u = Math.max(beta2 * s.u, Math.abs(g));
    return w - (lr * s.m) / ((1 - beta1 ** t) * (s.u + epsilon));
  };
}

describeEachBackend('Adamax', () => {
  it('has Keras’s defaults: 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7', () => {
    const optimizer = adamax();
    expect(optimizer).toBeInstanceOf(Adamax);
    expect([optimizer.learningRate, optimizer.beta1, optimizer.beta2, optimizer.epsilon, optimizer.name]).toEqual([0.001, 0.9, 0.999, 1e-7, 'adamax']);
  });

  it('m ← m + (g − m)(1 − β₁), u ← max(β₂·u, |g|), w ← w − η·m / ((1 − β₁ᵗ)(u + ε))', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(adamax({ learningRate: 0.1 })));
    expectWeights(actual, stepsByHand(adamaxByHand(0.1, 0.9, 0.999, 1e-7), { m: 0, u: 0 }));
  });

  it('with a short memory for the norm (β₂ 0.5: |g| wins again at step 3)', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(adamax({ learningRate: 0.1, beta1: 0.8, beta2: 0.5 })));
    expectWeights(actual, stepsByHand(adamaxByHand(0.1, 0.8, 0.5, 1e-7), { m: 0, u: 0 }));
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => adamax({ beta1: -0.1 })).toThrow('Expected beta1 to be a number in [0, 1), received -0.1 in optimizer "adamax"');
    expect(() => adamax({ beta2: 1 })).toThrow('Expected beta2 to be a number in [0, 1), received 1 in optimizer "adamax"');
    expect(() => adamax({ learningRate: Number.POSITIVE_INFINITY })).toThrow('Expected learningRate to be a finite number ≥ 0, received Infinity in optimizer "adamax"');
  });
});
