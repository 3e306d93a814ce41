import { expect, it } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { Adadelta, adadelta } from './adadelta';
import { get } from './get-optimizer';
import { type HandState, expectWeights, stepsByHand, weightsAfterSteps } from '@dendrite/optimizers/testing';

/** Keras 3's `Adadelta.update_step` for one weight, in plain numbers. */
function adadeltaByHand(lr: number, rho: number, epsilon: number) {
  return (w: number, g: number, s: HandState) => {
    s.a = rho * s.a + (1 - rho) * g * g;
    const delta = -(Math.sqrt(s.d + epsilon) * g) / Math.sqrt(s.a + epsilon);
    s.d = rho * s.d + (1 - rho) * delta * delta;
    return w + lr * delta;
  };
}

describeEachBackend('Adadelta', () => {
  it('has Keras’s defaults: 0.001, ρ 0.95, ε 1e-7, slots accumulated_grad then accumulated_delta_var in two loops', () => {
    const optimizer = adadelta();
    expect(optimizer).toBeInstanceOf(Adadelta);
    expect([optimizer.learningRate, optimizer.rho, optimizer.epsilon, optimizer.name]).toEqual([0.001, 0.95, 1e-7, 'adadelta']);
    expect(optimizer.slotNames()).toEqual(['accumulated_grad', 'accumulated_delta_var']);
    expect(optimizer.slotBuildOrder()).toEqual([['accumulated_grad'], ['accumulated_delta_var']]);
  });

  it('follows Keras’s formula step by step (the paper’s η = 1, and a Keras rate)', async () => {
    for (const [lr, rho, epsilon] of [
      [1, 0.95, 1e-6],
      [0.5, 0.8, 1e-2],
    ]) {
      const actual = await expectNoLeakedTensors(() => weightsAfterSteps(adadelta({ learningRate: lr, rho, epsilon })));
      expectWeights(actual, stepsByHand(adadeltaByHand(lr, rho, epsilon), { a: 0, d: 0 }));
    }
  });

  it('writes and reads Keras’s config keys', () => {
    const config = adadelta({ learningRate: 1, rho: 0.9 }).getConfig();
    expect(config).toEqual({ name: 'adadelta', learning_rate: 1, weight_decay: null, clipnorm: null, global_clipnorm: null, clipvalue: null, rho: 0.9, epsilon: 1e-7 });
    const read = get({ class_name: 'Adadelta', config: { ...config, use_ema: false, ema_momentum: 0.99, is_legacy_optimizer: false } }) as Adadelta;
    expect([read.className, read.learningRate, read.rho]).toEqual(['Adadelta', 1, 0.9]);
    expect(get('adadelta')).toBeInstanceOf(Adadelta);
    expect(adadelta(1).currentLearningRate()).toBe(1);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => adadelta({ rho: 1 })).toThrow('Expected rho to be a number in [0, 1), received 1 in optimizer "adadelta"');
    expect(() => adadelta({ epsilon: -1 })).toThrow('Expected epsilon to be a finite number ≥ 0, received -1 in optimizer "adadelta"');
  });
});
