import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { L1L2, l1l2 } from './l1-l2';
import { penaltyOf } from '../testing/penalty-of';

describeEachBackend('L1L2', () => {
  it('is l1 · Σ|w| + l2 · Σw²', () => {
    expect(penaltyOf(new L1L2({ l1: 0.1, l2: 0.01 }))).toBeCloseTo(1.3, 6);
    expect(penaltyOf(new L1L2({ l2: 0.1 }))).toBeCloseTo(3, 6);
  });

  it('defaults to 0 and 0 as a class (Keras 3), 0.01 and 0.01 as the l1l2 factory (the l1_l2 shortcut)', () => {
    expect(penaltyOf(new L1L2())).toBe(0);
    expect(penaltyOf(l1l2())).toBeCloseTo(0.4, 6);
    expect(penaltyOf(l1l2({ l1: 0 }))).toBeCloseTo(0.3, 6);
  });
});

it('round-trips its config and refuses bad factors, naming them', () => {
  const config = new L1L2({ l1: 0.5, l2: 0 }).getConfig();
  expect(config).toEqual({ l1: 0.5, l2: 0 });
  expect(L1L2.fromConfig(config).getConfig()).toEqual(config);
  expect(() => new L1L2({ l1: 0.1, l2: -0.1 })).toThrow('Expected l2 to be a finite number ≥ 0, received -0.1 in regularizer L1L2');
  expect(() => l1l2({ l1: Number.NEGATIVE_INFINITY })).toThrow('Expected l1 to be a finite number ≥ 0, received -Infinity in regularizer L1L2');
});
