import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { drawStatistics, expectRatioNear } from './draw-statistics';
import { TruncatedNormal } from './truncated-normal';
import { TRUNCATION_CORRECTION } from './variance-scaling';

describeEachBackend('TruncatedNormal', () => {
  it('keeps every draw within two standard deviations, with stddev 0.88 · stddev', () => {
    const s = drawStatistics(new TruncatedNormal({ seed: 1 }), [300, 300]);
    expect(s.min).toBeGreaterThanOrEqual(-0.1);
    expect(s.max).toBeLessThanOrEqual(0.1);
    expectRatioNear(Math.sqrt(s.variance), 0.05 * TRUNCATION_CORRECTION, 0.02);
  });

  it('centres on mean', () => {
    const s = drawStatistics(new TruncatedNormal({ mean: -3, stddev: 1, seed: 2 }), [200, 200]);
    expect(s.min).toBeGreaterThanOrEqual(-5);
    expect(s.max).toBeLessThanOrEqual(-1);
    expectRatioNear(s.mean, -3, 0.01);
  });

  it('refuses a negative stddev and round-trips its config', () => {
    expect(() => new TruncatedNormal({ stddev: -0.1 })).toThrow('Expected stddev to be a finite number ≥ 0, received -0.1 in initializer TruncatedNormal');
    const config = new TruncatedNormal({ stddev: 0.02, seed: 4 }).getConfig();
    expect(config).toEqual({ seed: 4, mean: 0, stddev: 0.02 });
    expect(TruncatedNormal.fromConfig(config).getConfig()).toEqual(config);
  });
});
