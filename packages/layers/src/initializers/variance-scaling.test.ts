import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { drawStatistics, expectRatioNear } from './draw-statistics';
import { type FanMode, TRUNCATION_CORRECTION, VarianceScaling } from './variance-scaling';

const fans: Record<FanMode, number> = { fan_in: 200, fan_out: 500, fan_avg: 350 };
const cases = (['fan_in', 'fan_out', 'fan_avg'] as const).flatMap((mode) =>
  (['uniform', 'truncated_normal', 'untruncated_normal'] as const).map((distribution) => ({ mode, distribution })),
);

describeEachBackend('VarianceScaling', () => {
  it.each(cases)('$mode, $distribution: variance scale / fan, within its bounds', ({ mode, distribution }) => {
    const scale = 2;
    const variance = scale / fans[mode];
    const s = drawStatistics(new VarianceScaling({ scale, mode, distribution, seed: 5 }), [200, 500]);
    expectRatioNear(s.variance, variance);
    expect(Math.abs(s.mean)).toBeLessThan((5 * Math.sqrt(variance)) / Math.sqrt(200 * 500));
    const extreme = Math.max(-s.min, s.max);
    if (distribution === 'uniform') {
      const limit = Math.sqrt(3 * variance);
      expect(extreme).toBeLessThanOrEqual(limit);
      expect(extreme).toBeGreaterThan(0.999 * limit);
    } else if (distribution === 'truncated_normal') {
      expect(extreme).toBeLessThanOrEqual((2 * Math.sqrt(variance)) / TRUNCATION_CORRECTION + 1e-6);
    } else {
      expect(s.values.filter((v) => Math.abs(v) > 2 * Math.sqrt(variance)).length / s.values.length).toBeGreaterThan(0.04);
    }
  });

  it('counts a convolution kernel’s receptive field into its fans', () => {
    const s = drawStatistics(new VarianceScaling({ mode: 'fan_in', distribution: 'untruncated_normal', seed: 6 }), [3, 3, 32, 64]);
    expectRatioNear(s.variance, 1 / 288);
  });

  it('reads "normal" as truncated_normal (as Keras) and tfjs’s camelCase spellings', () => {
    expect(new VarianceScaling({ distribution: 'normal' }).distribution).toBe('truncated_normal');
    const fromTfjs = VarianceScaling.fromConfig({ scale: 1, mode: 'fanAvg', distribution: 'truncatedNormal', seed: null });
    expect(fromTfjs.getConfig()).toEqual({ seed: null, scale: 1, mode: 'fan_avg', distribution: 'truncated_normal' });
  });

  it('refuses a scale ≤ 0 and unknown modes or distributions, naming them', () => {
    expect(() => new VarianceScaling({ scale: 0 })).toThrow('Expected scale to be a finite number > 0, received 0 in initializer VarianceScaling');
    expect(() => new VarianceScaling({ mode: 'fan_sideways' as never })).toThrow(
      'Expected mode to be one of fan_in, fan_out, fan_avg, received "fan_sideways" in initializer VarianceScaling',
    );
    expect(() => new VarianceScaling({ distribution: 'cauchy' as never })).toThrow(
      'Expected distribution to be one of truncated_normal, untruncated_normal, uniform, received "cauchy" in initializer VarianceScaling',
    );
  });

  it('round-trips its config', () => {
    const config = new VarianceScaling({ scale: 2, mode: 'fan_out', distribution: 'uniform', seed: 3 }).getConfig();
    expect(config).toEqual({ seed: 3, scale: 2, mode: 'fan_out', distribution: 'uniform' });
    expect(VarianceScaling.fromConfig(config).getConfig()).toEqual(config);
  });
});
