import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BackendName, tf } from '@dendrite/backend';
import { ADAM_UPDATE } from '@dendrite/backend/internal';
import { GRADIENTS, START, expectWeights, makeVariable, stepWith, stepsByHand, useBackend } from '@dendrite/optimizers/testing';
import { adam } from './adam';

/** Keras 3's Adam for one weight in plain numbers (β₁ 0.9, ε 1e-7); `amsgrad` divides by max(v̂, v). */
function adamByHand(lr: number, beta2: number, amsgrad: boolean) {
  return (w: number, g: number, s: Record<string, number>, t: number) => {
    s.m = s.m + (g - s.m) * 0.1;
    s.v = s.v + (g * g - s.v) * (1 - beta2);
    s.vHat = Math.max(s.vHat, s.v);
    return w - ((lr * Math.sqrt(1 - beta2 ** t)) / (1 - 0.9 ** t)) * s.m / (Math.sqrt(amsgrad ? s.vHat : s.v) + 1e-7);
  };
}

/** Steps `optimizer` through {@link GRADIENTS} from {@link START}, profiling each step: the weights and the kernels run. */
async function profiledSteps(optimizer: ReturnType<typeof adam>): Promise<{ weights: number[][]; kernels: string[][] }> {
  const variable = makeVariable(START);
  const weights: number[][] = [];
  const kernels: string[][] = [];
  for (const gradient of GRADIENTS) {
    const profile = await tf.profile(() => stepWith(optimizer, variable, gradient));
    kernels.push(profile.kernelNames);
    weights.push(Array.from(variable.dataSync()));
  }
  variable.dispose();
  optimizer.dispose();
  return { weights, kernels };
}

// Not describeEachBackend: the fused kernel exists on wasm alone, so this suite runs there even when
// a mutation run limits the other suites to cpu (DENDRITE_TEST_BACKENDS).
describe('Adam on wasm: the fused update kernel', () => {
  let previous: BackendName;
  beforeAll(async () => {
    previous = tf.getBackend() as BackendName;
    await useBackend('wasm');
  });
  afterAll(() => useBackend(previous));

  it('runs one fused kernel per variable and step, none of the elementwise ops, with Keras’s values', async () => {
    const before = tf.memory().numTensors;
    const { weights, kernels } = await profiledSteps(adam({ learningRate: 0.1, beta2: 0.5 }));
    expectWeights(weights, stepsByHand(adamByHand(0.1, 0.5, false), { m: 0, v: 0, vHat: 0 }));
    for (const names of kernels) {
      expect(names.filter((name) => name === ADAM_UPDATE)).toHaveLength(1);
      expect(names).not.toContain('Sqrt');
      expect(names).not.toContain('Square');
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('AMSGrad takes the ops (the kernel has no v̂) and divides by max(v̂, v)', async () => {
    const before = tf.memory().numTensors;
    const { weights, kernels } = await profiledSteps(adam({ learningRate: 0.1, beta2: 0.5, amsgrad: true }));
    // β₂ = 0.5 lets v fall at step 2, so plain Adam's weights are off by more than the tolerance.
    expectWeights(weights, stepsByHand(adamByHand(0.1, 0.5, true), { m: 0, v: 0, vHat: 0 }));
    for (const names of kernels) {
      expect(names).not.toContain(ADAM_UPDATE);
      expect(names).toContain('Maximum');
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
