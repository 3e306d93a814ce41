import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { drawStatistics, expectRatioNear } from './draw-statistics';
import { RandomNormal } from './random-normal';

describeEachBackend('RandomNormal', () => {
  it('draws with mean 0 and stddev 0.05 by default, untruncated', () => {
    const s = drawStatistics(new RandomNormal({ seed: 1 }), [300, 300]);
    expectRatioNear(Math.sqrt(s.variance), 0.05, 0.02);
    expect(Math.abs(s.mean)).toBeLessThan((5 * 0.05) / 300);
    const beyondTwoSigma = s.values.filter((v) => Math.abs(v) > 0.1).length / s.values.length;
    expect(beyondTwoSigma).toBeGreaterThan(0.04); // 4.55% for a normal
  });

  it('takes mean and stddev', () => {
    const s = drawStatistics(new RandomNormal({ mean: 1, stddev: 0.5, seed: 2 }), [200, 200]);
    expectRatioNear(s.mean, 1, 0.01);
    expectRatioNear(Math.sqrt(s.variance), 0.5, 0.02);
  });

  it('refuses a negative stddev and a non-integer seed, naming them', () => {
    expect(() => new RandomNormal({ stddev: -1 })).toThrow('Expected stddev to be a finite number ≥ 0, received -1 in initializer RandomNormal');
    expect(() => new RandomNormal({ seed: 1.5 })).toThrow('Expected seed to be an integer or undefined, received 1.5 in initializer RandomNormal');
  });

  it('round-trips its config', () => {
    const config = new RandomNormal({ mean: 1, stddev: 0.5 }).getConfig();
    expect(config).toEqual({ seed: null, mean: 1, stddev: 0.5 });
    expect(RandomNormal.fromConfig(config).getConfig()).toEqual(config);
  });
});
