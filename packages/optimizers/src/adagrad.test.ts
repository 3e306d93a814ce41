import { expect, it } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { Adagrad, adagrad } from './adagrad';
import { expectWeights, stepsByHand, weightsAfterSteps } from '@dendrite/optimizers/testing';

describeEachBackend('Adagrad', () => {
  it('has Keras’s defaults: 0.001, accumulator 0.1, ε 1e-7', () => {
    const optimizer = adagrad();
    expect(optimizer).toBeInstanceOf(Adagrad);
    expect([optimizer.learningRate, optimizer.initialAccumulatorValue, optimizer.epsilon, optimizer.name]).toEqual([0.001, 0.1, 1e-7, 'adagrad']);
  });

  it('a ← a + g² (a₀ = 0.1), w ← w − η·g / √(a + ε)', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(adagrad({ learningRate: 0.1 })));
    const expected = stepsByHand(
      (w, g, s) => {
        s.a = s.a + g * g;
        return w - (0.1 * g) / Math.sqrt(s.a + 1e-7);
      },
      { a: 0.1 },
    );
    expectWeights(actual, expected);
  });

  it('starts the accumulator where told', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(adagrad({ learningRate: 0.5, initialAccumulatorValue: 1, epsilon: 0 })));
    const expected = stepsByHand(
      (w, g, s) => {
        s.a = s.a + g * g;
        return w - (0.5 * g) / Math.sqrt(s.a);
      },
      { a: 1 },
    );
    expectWeights(actual, expected);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => adagrad({ initialAccumulatorValue: -0.1 })).toThrow('Expected initialAccumulatorValue to be a finite number ≥ 0, received -0.1 in optimizer "adagrad"');
    expect(() => adagrad({ epsilon: Number.POSITIVE_INFINITY })).toThrow('Expected epsilon to be a finite number ≥ 0, received Infinity in optimizer "adagrad"');
    expect(() => adagrad({ learningRate: -1 })).toThrow('Expected learningRate to be a finite number ≥ 0, received -1 in optimizer "adagrad"');
  });
});
