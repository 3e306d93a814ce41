import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { Nadam, nadam } from './nadam';
import { GRADIENTS, START, expectWeights, weightsAfterSteps } from '@dendrite/optimizers/testing';

/**
 * Keras 3's Nadam in plain numbers: the momentum cache uₜ = β₁(1 − ½·0.96ᵗ) and its running
 * product Πₜ are shared by all weights, so this walks the steps itself.
 */
function nadamByHand(lr: number, beta1: number, beta2: number, epsilon: number): number[][] {
  const u = (t: number) => beta1 * (1 - 0.5 * 0.96 ** t);
  const weights = [...START];
  const m = START.map(() => 0);
  const v = START.map(() => 0);
  let product = 1;
  return GRADIENTS.map((gradient, index) => {
    const t = index + 1;
    product *= u(t);
    const productNext = product * u(t + 1);
    for (let i = 0; i < weights.length; i++) {
      const g = gradient[i];
      m[i] = m[i] + (g - m[i]) * (1 - beta1);
      v[i] = v[i] + (g * g - v[i]) * (1 - beta2);
      const mHat = (u(t + 1) * m[i]) / (1 - productNext) + ((1 - u(t)) * g) / (1 - product);
      const vHat = v[i] / (1 - beta2 ** t);
      weights[i] = weights[i] - (lr * mHat) / (Math.sqrt(vHat) + epsilon);
    }
    return [...weights];
  });
}

describeEachBackend('Nadam', () => {
  it('has Keras’s defaults: 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7', () => {
    const optimizer = nadam();
    expect(optimizer).toBeInstanceOf(Nadam);
    expect([optimizer.learningRate, optimizer.beta1, optimizer.beta2, optimizer.epsilon, optimizer.name]).toEqual([0.001, 0.9, 0.999, 1e-7, 'nadam']);
  });

  it('follows Keras 3’s momentum-cache formula', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(nadam({ learningRate: 0.1 })));
    expectWeights(actual, nadamByHand(0.1, 0.9, 0.999, 1e-7));
  });

  it('with other betas', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(nadam({ learningRate: 0.05, beta1: 0.5, beta2: 0.9 })));
    expectWeights(actual, nadamByHand(0.05, 0.5, 0.9, 1e-7));
  });

  it('keeps the momentum-cache product in its state, and rebuilds it from the step when missing', () => {
    const optimizer = nadam();
    expect(optimizer.getState().extra).toEqual({ u_product: 1 });
    const restored = nadam();
    restored.setState({ iterations: 2, slots: [] });
    const u = (t: number) => 0.9 * (1 - 0.5 * 0.96 ** t);
    expect(restored.getState().extra!.u_product).toBeCloseTo(u(1) * u(2), 15);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => nadam({ beta1: 1 })).toThrow('Expected beta1 to be a number in [0, 1), received 1 in optimizer "nadam"');
    expect(() => nadam({ epsilon: Number.NaN })).toThrow('Expected epsilon to be a finite number ≥ 0, received NaN in optimizer "nadam"');
  });
});

describeEachBackend('Optimizer.dispose', () => {
  it('starts the step count (and Nadam’s momentum product) over with the new slots', () => {
    const optimizer = new Nadam({ learningRate: 0.1 });
    const w = tf.variable(tf.tensor1d([1, 2]));
    const g = tf.tensor1d([0.5, -0.5]);
    optimizer.applyGradients([[g, w]]);
    const firstStep = Array.from(w.dataSync());
    optimizer.dispose();
    expect(optimizer.iterations).toBe(0);
    w.assign(tf.tensor1d([1, 2]));
    optimizer.applyGradients([[g, w]]);
    expect(Array.from(w.dataSync())).toEqual(firstStep);
    optimizer.dispose();
    tf.dispose([w, g]);
  });
});
