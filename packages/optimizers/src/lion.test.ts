import { expect, it } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { get } from './get-optimizer';
import { Lion, lion } from './lion';
import { type HandState, expectWeights, stepsByHand, weightsAfterSteps } from '@dendrite/optimizers/testing';

/** Keras 3's `Lion.update_step` for one weight (after weight decay and clipping), in plain numbers. */
function lionByHand(lr: number, beta1: number, beta2: number, weightDecay = 0, clipValue = Number.POSITIVE_INFINITY) {
  return (w: number, gradient: number, s: HandState) => {
    const g = Math.min(Math.max(gradient, -clipValue), clipValue);
    const decayed = w - w * weightDecay * lr;
    const next = decayed - lr * Math.sign(s.m * beta1 + g * (1 - beta1));
    s.m = s.m * beta2 + g * (1 - beta2);
    return next;
  };
}

describeEachBackend('Lion', () => {
  it('has Keras’s defaults: 0.001, β₁ 0.9, β₂ 0.99, one slot momentum', () => {
    const optimizer = lion();
    expect(optimizer).toBeInstanceOf(Lion);
    expect([optimizer.learningRate, optimizer.beta1, optimizer.beta2, optimizer.name]).toEqual([0.001, 0.9, 0.99, 'lion']);
    expect(optimizer.slotNames()).toEqual(['momentum']);
  });

  it('w ← w − η·sign(β₁m + (1 − β₁)g), then m ← β₂m + (1 − β₂)g', async () => {
    // β₁ 0.2 lets the momentum flip the second step's sign where the gradient alone would not.
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(lion({ learningRate: 0.1, beta1: 0.2, beta2: 0.5 })));
    expectWeights(actual, stepsByHand(lionByHand(0.1, 0.2, 0.5), { m: 0 }));
    const defaults = await expectNoLeakedTensors(() => weightsAfterSteps(lion({ learningRate: 0.1 })));
    expectWeights(defaults, stepsByHand(lionByHand(0.1, 0.9, 0.99), { m: 0 }));
  });

  it('applies weight decay and clipping through the base class, as Keras', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(lion({ learningRate: 0.1, beta1: 0.5, weightDecay: 0.2, clipValue: 0.25 })));
    expectWeights(actual, stepsByHand(lionByHand(0.1, 0.5, 0.99, 0.2, 0.25), { m: 0 }));
  });

  it('writes and reads Keras’s config keys', () => {
    const config = lion({ beta1: 0.8 }).getConfig();
    expect(config).toEqual({ name: 'lion', learning_rate: 0.001, weight_decay: null, clipnorm: null, global_clipnorm: null, clipvalue: null, beta_1: 0.8, beta_2: 0.99 });
    expect((get({ class_name: 'Lion', config }) as Lion).beta1).toBe(0.8);
    expect(get('Lion')).toBeInstanceOf(Lion);
  });

  it('mixes the gradient in by 1 − β₁: the momentum can outvote an opposite gradient', async () => {
    // β₂ = 0 keeps m at the last gradient: after g = 1, the step of g = −0.5 has sign(0.5·1 + 0.5·(−0.5)) = +1.
    const gradients = [[1], [-0.5]];
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(lion({ learningRate: 0.1, beta1: 0.5, beta2: 0 }), gradients, [0]));
    expectWeights(actual, [[-0.1], [-0.2]]);
  });

  it('takes β₁ = 1, Keras’s upper bound: steps by the momentum’s sign alone', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(lion({ learningRate: 0.1, beta1: 1, beta2: 0 }), [[1], [-0.5]], [0]));
    expectWeights(actual, [[0], [-0.1]]);
  });

  it('rejects a β₁ of 0 (sign SGD) as Keras does, naming it', () => {
    expect(() => lion({ beta1: 1.5 })).toThrow('Expected beta1 to be a number in (0, 1], received 1.5 in optimizer "lion"');
    expect(() => lion({ beta1: 0 })).toThrow('Expected beta1 to be a number in (0, 1], received 0 in optimizer "lion"');
    expect(() => lion({ beta2: 1.5 })).toThrow('Expected beta2 to be a number in [0, 1], received 1.5 in optimizer "lion"');
  });
});
