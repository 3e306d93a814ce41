import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { L2, l2 } from './l2';
import { penaltyOf } from '../testing/penalty-of';

describeEachBackend('L2', () => {
  it('is l2 · Σw², 0.01 by default; Keras’s example L2(2) on ones(5, 5) is 50', () => {
    expect(penaltyOf(l2(0.01))).toBeCloseTo(0.3, 6);
    expect(penaltyOf(l2())).toBeCloseTo(0.3, 6);
    expect(penaltyOf(new L2({ l2: 2 }), Array.from({ length: 5 }, () => [1, 1, 1, 1, 1]))).toBeCloseTo(50, 4);
  });

  it('has gradient 2 · l2 · w', () => {
    const gradient = tf.tidy(() => tf.grad((w: tf.Tensor) => l2(0.5).call(w))(tf.tensor1d([2, -3])).dataSync());
    expectArraysClose(gradient, [2, -3]);
  });
});

it('round-trips its config and refuses bad factors, naming them', () => {
  expect(L2.fromConfig(l2({ l2: 1e-5 }).getConfig()).getConfig()).toEqual({ l2: 1e-5 });
  expect(() => l2(-1)).toThrow('Expected l2 to be a finite number ≥ 0, received -1 in regularizer L2');
  expect(() => new L2({ l2: Number.POSITIVE_INFINITY })).toThrow('Expected l2 to be a finite number ≥ 0, received Infinity in regularizer L2');
});

it('l1 and l2 read a bare number as the factor and refuse unknown keys; l1l2 refuses a bare number', async () => {
  const { l1 } = await import('./l1');
  const { l1l2 } = await import('./l1-l2');
  expect(l2(0.5).l2).toBe(0.5);
  expect(l1(0.5).l1).toBe(0.5);
  expect(() => l2({ l: 0.1 } as never)).toThrow('Unknown option "l" in L2');
  expect(() => new L2({ factor: 0.1 } as never)).toThrow(TypeError);
  expect(() => l2(0.1, { l2: 0.2 } as never)).toThrow('Expected l2 once for L2');
  // Keras 2's l1_l2(0.01) keeps l2 = 0.01, Keras 3's sets it to 0: a bare number is refused, never guessed.
  expect(() => l1l2(0.01 as never)).toThrow('Expected the options of l1l2 to be an object { l1, l2 }, received 0.01');
  expect(() => l1l2({ l1: 0.1, L2: 0.1 } as never)).toThrow('Unknown option "L2" in L1L2: did you mean "l2"?');
});
