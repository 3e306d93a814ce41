import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { L2, l2 } from './l2';
import { penaltyOf } from './penalty-test-helpers';

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
  expect(() => l2(-1)).toThrow('Expected l2 to be a finite number ≥ 0 in regularizer L2, received -1');
  expect(() => new L2({ l2: Number.POSITIVE_INFINITY })).toThrow('Expected l2 to be a finite number ≥ 0 in regularizer L2, received Infinity');
});
