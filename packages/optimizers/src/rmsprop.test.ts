import { expect, it } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors } from '@dendrite/test-utils';
import { RMSprop, rmsprop } from './rmsprop';
import { expectWeights, stepsByHand, weightsAfterSteps } from '@dendrite/optimizers/testing';

describeEachBackend('RMSprop', () => {
  it('has Keras’s defaults: 0.001, ρ 0.9, no momentum, ε 1e-7, not centered', () => {
    const optimizer = rmsprop();
    expect(optimizer).toBeInstanceOf(RMSprop);
    expect([optimizer.learningRate, optimizer.rho, optimizer.momentum, optimizer.epsilon, optimizer.centered, optimizer.name]).toEqual([0.001, 0.9, 0, 1e-7, false, 'rmsprop']);
  });

  it('keeps Keras’s slots: velocity, then momentum when μ > 0, then average_gradient when centered', () => {
    expect(rmsprop().slotNames()).toEqual(['velocity']);
    expect(rmsprop({ momentum: 0.5 }).slotNames()).toEqual(['velocity', 'momentum']);
    expect(rmsprop({ centered: true }).slotNames()).toEqual(['velocity', 'average_gradient']);
    expect(rmsprop({ momentum: 0.5, centered: true }).slotNames()).toEqual(['velocity', 'momentum', 'average_gradient']);
  });

  it('s ← ρ·s + (1 − ρ)·g², w ← w − η·g / √(s + ε)', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(rmsprop({ learningRate: 0.01 })));
    const expected = stepsByHand(
      (w, g, st) => {
        st.s = 0.9 * st.s + 0.1 * g * g;
        return w - (0.01 * g) / Math.sqrt(st.s + 1e-7);
      },
      { s: 0 },
    );
    expectWeights(actual, expected);
  });

  it('with momentum: m ← μ·m + η·g / √(s + ε), w ← w − m', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(rmsprop({ learningRate: 0.01, rho: 0.8, momentum: 0.5 })));
    const expected = stepsByHand(
      (w, g, st) => {
        st.s = 0.8 * st.s + 0.2 * g * g;
        st.m = 0.5 * st.m + (0.01 * g) / Math.sqrt(st.s + 1e-7);
        return w - st.m;
      },
      { s: 0, m: 0 },
    );
    expectWeights(actual, expected);
  });

  it('centered: ḡ ← ρ·ḡ + (1 − ρ)·g, w ← w − η·g / √(s − ḡ² + ε)', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(rmsprop({ learningRate: 0.01, centered: true })));
    const expected = stepsByHand(
      (w, g, st) => {
        st.s = 0.9 * st.s + 0.1 * g * g;
        st.avg = 0.9 * st.avg + 0.1 * g;
        return w - (0.01 * g) / Math.sqrt(st.s - st.avg * st.avg + 1e-7);
      },
      { s: 0, avg: 0 },
    );
    expectWeights(actual, expected);
  });

  it('centered with momentum', async () => {
    const actual = await expectNoLeakedTensors(() => weightsAfterSteps(rmsprop({ learningRate: 0.01, centered: true, momentum: 0.5 })));
    const expected = stepsByHand(
      (w, g, st) => {
        st.s = 0.9 * st.s + 0.1 * g * g;
        st.avg = 0.9 * st.avg + 0.1 * g;
        st.m = 0.5 * st.m + (0.01 * g) / Math.sqrt(st.s - st.avg * st.avg + 1e-7);
        return w - st.m;
      },
      { s: 0, avg: 0, m: 0 },
    );
    expectWeights(actual, expected);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => rmsprop({ rho: 1 })).toThrow('Expected rho to be a number in [0, 1), received 1 in optimizer "rmsprop"');
    expect(() => rmsprop({ momentum: 2 })).toThrow('Expected momentum to be a number in [0, 1], received 2 in optimizer "rmsprop"');
    expect(() => rmsprop({ epsilon: -1e-7 })).toThrow('Expected epsilon to be a finite number ≥ 0, received -1e-7 in optimizer "rmsprop"');
    expect(() => rmsprop({ centered: 1 as never })).toThrow('Expected centered to be a boolean, received 1 in optimizer "rmsprop"');
  });
});
