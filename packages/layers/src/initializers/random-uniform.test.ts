import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { drawStatistics, expectRatioNear } from './draw-statistics';
import { RandomUniform } from './random-uniform';

describeEachBackend('RandomUniform', () => {
  it('draws in [−0.05, 0.05) by default, with variance (b − a)² / 12 and mean (a + b) / 2', () => {
    const s = drawStatistics(new RandomUniform({ seed: 1 }), [300, 300]);
    expect(s.min).toBeGreaterThanOrEqual(-0.05);
    expect(s.max).toBeLessThan(0.05);
    expect(s.min).toBeLessThan(-0.0499);
    expect(s.max).toBeGreaterThan(0.0499);
    expectRatioNear(s.variance, 0.1 ** 2 / 12);
    expect(Math.abs(s.mean)).toBeLessThan(5 * Math.sqrt(0.1 ** 2 / 12 / 90000));
  });

  it('takes minval and maxval', () => {
    const s = drawStatistics(new RandomUniform({ minval: 2, maxval: 5, seed: 2 }), [200, 200]);
    expect(s.min).toBeGreaterThanOrEqual(2);
    expect(s.max).toBeLessThan(5);
    expectRatioNear(s.mean, 3.5, 0.01);
    expectRatioNear(s.variance, 9 / 12);
  });

  it('refuses minval > maxval and non-finite bounds, naming them', () => {
    expect(() => new RandomUniform({ minval: 1, maxval: 0 })).toThrow('Expected minval ≤ maxval in initializer RandomUniform, received minval 1 and maxval 0');
    expect(() => new RandomUniform({ maxval: Number.POSITIVE_INFINITY })).toThrow('Expected maxval to be a finite number, received Infinity in initializer RandomUniform');
  });

  it('round-trips its config', () => {
    const config = new RandomUniform({ minval: -1, maxval: 2, seed: 9 }).getConfig();
    expect(config).toEqual({ seed: 9, minval: -1, maxval: 2 });
    expect(RandomUniform.fromConfig(config).getConfig()).toEqual(config);
  });
});
