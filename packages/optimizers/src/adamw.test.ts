import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose, expectNoLeakedTensors } from '@dendrite/test-utils';
import { Adam } from './adam';
import { AdamW, adamw } from './adamw';
import { type HandState, expectWeights, makeVariable, stepsByHand, weightsAfterSteps } from '@dendrite/optimizers/testing';

/** AdamW for one weight: decay w ← w − w·λ·η first, then Keras 3's Adam. */
function adamwByHand(lr: number, weightDecay: number) {
  return (w: number, g: number, s: HandState, t: number) => {
    const decayed = w - w * weightDecay * lr;
    s.m = s.m + (g - s.m) * (1 - 0.9);
    s.v = s.v + (g * g - s.v) * (1 - 0.999);
    const alpha = (lr * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t);
    return decayed - (alpha * s.m) / (Math.sqrt(s.v) + 1e-7);
  };
}

describeEachBackend('AdamW', () => {
  it('has Keras’s defaults: Adam’s, with weight decay 0.004 and name "adamw"', () => {
    const optimizer = adamw();
    expect(optimizer).toBeInstanceOf(AdamW);
    expect(optimizer).toBeInstanceOf(Adam);
    expect([optimizer.learningRate, optimizer.weightDecay, optimizer.beta1, optimizer.beta2, optimizer.epsilon, optimizer.name]).toEqual([0.001, 0.004, 0.9, 0.999, 1e-7, 'adamw']);
  });

  it('decays then steps: w ← w − w·λ·η, then Adam', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(adamw({ learningRate: 0.1, weightDecay: 0.5 })));
    expectWeights(actual, stepsByHand(adamwByHand(0.1, 0.5), { m: 0, v: 0 }));
  });

  it('with the default decay of 0.004', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(adamw({ learningRate: 0.1 })));
    expectWeights(actual, stepsByHand(adamwByHand(0.1, 0.004), { m: 0, v: 0 }));
  });

  it('leaves out excluded variables, by instance or by name', (context) => {
    const suffix = context.task.id;
    const kernel = makeVariable([1], `dense/kernel_${suffix}`);
    const bias = makeVariable([1], `dense/bias_${suffix}`);
    const gamma = makeVariable([1], `norm/gamma_${suffix}`);
    const optimizer = adamw({ learningRate: 0.1, weightDecay: 0.5 });
    optimizer.excludeFromWeightDecay({ variables: [gamma], variableNames: ['bias'] });
    const zero = tf.zeros([1]);
    optimizer.applyGradients([[zero, kernel], [zero, bias], [zero, gamma]]);
    // A zero gradient leaves Adam's step at 0, so only the decay 1 − 1·0.5·0.1 shows.
    expectArraysClose(kernel, [0.95], 1e-6);
    expectArraysClose(bias, [1], 1e-6);
    expectArraysClose(gamma, [1], 1e-6);
    // A second call replaces the exclusions (Keras): now only gamma, by name, is left out.
    optimizer.excludeFromWeightDecay({ variableNames: ['gamma'] });
    optimizer.applyGradients([[zero, kernel], [zero, bias], [zero, gamma]]);
    expectArraysClose(bias, [0.95], 1e-6);
    expectArraysClose(gamma, [1], 1e-6);
    tf.dispose([kernel, bias, gamma, zero]);
    optimizer.dispose();
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => adamw({ weightDecay: -0.1 })).toThrow('Expected weightDecay to be a finite number ≥ 0, received -0.1 in optimizer "adamw"');
    expect(() => adamw({ beta1: 1.2 })).toThrow('Expected beta1 to be a number in [0, 1), received 1.2 in optimizer "adamw"');
  });
});
