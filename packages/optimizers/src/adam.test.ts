import { expect, it } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { Adam, adam } from './adam';
import { type HandState, expectWeights, stepsByHand, weightsAfterSteps } from '@dendrite/optimizers/testing';

/** Keras 3's Adam for one weight, in plain numbers; `amsgrad` divides by the running maximum of v. */
function adamByHand(lr: number, beta1: number, beta2: number, epsilon: number, amsgrad: boolean) {
  return (w: number, g: number, s: HandState, t: number) => {
    s.m = s.m + (g - s.m) * (1 - beta1);
    s.v = s.v + (g * g - s.v) * (1 - beta2);
    s.vHat = Math.max(s.vHat, s.v);
    const alpha = (lr * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
    return w - (alpha * s.m) / (Math.sqrt(amsgrad ? s.vHat : s.v) + epsilon);
  };
}

describeEachBackend('Adam', () => {
  it('has Keras’s defaults: 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7, no AMSGrad', () => {
    const optimizer = adam();
    expect(optimizer).toBeInstanceOf(Adam);
    expect([optimizer.learningRate, optimizer.beta1, optimizer.beta2, optimizer.epsilon, optimizer.amsgrad, optimizer.name]).toEqual([0.001, 0.9, 0.999, 1e-7, false, 'adam']);
    expect(optimizer.weightDecay).toBeNull();
  });

  it('m ← m + (g − m)(1 − β₁), v ← v + (g² − v)(1 − β₂), w ← w − η·√(1 − β₂ᵗ)/(1 − β₁ᵗ)·m / (√v + ε)', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(adam({ learningRate: 0.1 })));
    expectWeights(actual, stepsByHand(adamByHand(0.1, 0.9, 0.999, 1e-7, false), { m: 0, v: 0, vHat: 0 }));
  });

  it('with other betas and ε', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(adam({ learningRate: 0.05, beta1: 0.5, beta2: 0.9, epsilon: 0.01 })));
    expectWeights(actual, stepsByHand(adamByHand(0.05, 0.5, 0.9, 0.01, false), { m: 0, v: 0, vHat: 0 }));
  });

  it('AMSGrad divides by v̂ ← max(v̂, v), which differs once v shrinks', async () => {
    // β₂ = 0.5 lets v fall at step 2 (the second gradient is smaller), so v̂ and v part ways.
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(adam({ learningRate: 0.1, beta2: 0.5, amsgrad: true })));
    const expected = stepsByHand(adamByHand(0.1, 0.9, 0.5, 1e-7, true), { m: 0, v: 0, vHat: 0 });
    expectWeights(actual, expected);
    const plain = stepsByHand(adamByHand(0.1, 0.9, 0.5, 1e-7, false), { m: 0, v: 0, vHat: 0 });
    expect(Math.abs(plain[2][1] - expected[2][1])).toBeGreaterThan(1e-3);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => adam({ learningRate: -1 })).toThrow('Expected learningRate to be a finite number ≥ 0, received -1 in optimizer "adam"');
    expect(() => adam({ beta1: 1 })).toThrow('Expected beta1 to be a number in [0, 1), received 1 in optimizer "adam"');
    expect(() => adam({ beta2: -0.5 })).toThrow('Expected beta2 to be a number in [0, 1), received -0.5 in optimizer "adam"');
    expect(() => adam({ epsilon: -1 })).toThrow('Expected epsilon to be a finite number ≥ 0, received -1 in optimizer "adam"');
    expect(() => adam({ amsgrad: 'true' as never })).toThrow('Expected amsgrad to be a boolean, received "true" in optimizer "adam"');
    expect(() => adam({ name: 'encoder_adam', beta1: 2 })).toThrow('received 2 in optimizer "encoder_adam"');
  });
});
