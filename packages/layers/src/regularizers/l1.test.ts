import { expect, it } from 'vitest';
import { tf } from '@dendrite/backend';
import { describeEachBackend, expectArraysClose } from '@dendrite/test-utils';
import { L1, l1 } from './l1';
import { penaltyOf } from '../testing/penalty-of';

describeEachBackend('L1', () => {
  it('is l1 · Σ|w|, 0.01 by default', () => {
    expect(penaltyOf(l1(0.1))).toBeCloseTo(1, 6);
    expect(penaltyOf(l1())).toBeCloseTo(0.1, 6);
    expect(penaltyOf(new L1({ l1: 0.01 }), [[1, 1, 1, 1, 1]])).toBeCloseTo(0.05, 6);
  });

  it('has gradient l1 · sign(w)', () => {
    const gradient = tf.tidy(() => tf.grad((w: tf.Tensor) => l1(0.5).call(w))(tf.tensor1d([2, -3])).dataSync());
    expectArraysClose(gradient, [0.5, -0.5]);
  });
});

it('round-trips its config and refuses bad factors, naming them', () => {
  expect(new L1({ l1: 0.3 }).getConfig()).toEqual({ l1: 0.3 });
  expect(L1.fromConfig({ l1: 0.3 }).l1).toBe(0.3);
  expect(new L1({ l1: null }).l1).toBe(0.01);
  expect(() => l1(-1)).toThrow('Expected l1 to be a finite number ≥ 0, received -1 in regularizer L1');
  expect(() => l1(Number.NaN)).toThrow('Expected l1 to be a finite number ≥ 0, received NaN in regularizer L1');
  expect(() => l1({ l1: '0.1' as never })).toThrow('Expected l1 to be a finite number ≥ 0, received "0.1" in regularizer L1');
});
