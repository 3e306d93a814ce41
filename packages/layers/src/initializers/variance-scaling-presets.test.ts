import { expect, it } from 'vitest';
import { describeEachBackend } from '@dendrite/test-utils';
import { drawStatistics, expectRatioNear } from './draw-statistics';
import { TRUNCATION_CORRECTION, VarianceScaling } from './variance-scaling';
import { GlorotNormal, GlorotUniform, HeNormal, HeUniform, LecunNormal, LecunUniform } from './variance-scaling-presets';

const shape = [400, 300];
const [fanIn, fanOut] = shape;

describeEachBackend('VarianceScaling presets', () => {
  it.each([
    [GlorotUniform, 2 / (fanIn + fanOut), 'uniform'],
    [GlorotNormal, 2 / (fanIn + fanOut), 'truncated_normal'],
    [HeUniform, 2 / fanIn, 'uniform'],
    [HeNormal, 2 / fanIn, 'truncated_normal'],
    [LecunUniform, 1 / fanIn, 'uniform'],
    [LecunNormal, 1 / fanIn, 'truncated_normal'],
  ] as const)('%o has Keras’s variance and bounds', (Preset, variance, distribution) => {
    const initializer = new Preset({ seed: 11 });
    expect(initializer).toBeInstanceOf(VarianceScaling);
    expect(initializer.distribution).toBe(distribution);
    const s = drawStatistics(initializer, shape);
    expectRatioNear(s.variance, variance);
    const bound = distribution === 'uniform' ? Math.sqrt(3 * variance) : (2 * Math.sqrt(variance)) / TRUNCATION_CORRECTION + 1e-6;
    expect(Math.max(-s.min, s.max)).toBeLessThanOrEqual(bound);
  });

  it('write only their seed into their configs', () => {
    expect(new GlorotUniform().getConfig()).toEqual({ seed: null });
    expect(new HeNormal({ seed: 4 }).getConfig()).toEqual({ seed: 4 });
    // A tfjs-layers config carries the VarianceScaling fields too; the preset keeps its own.
    const fromTfjs = GlorotUniform.fromConfig({ scale: 5, mode: 'fanIn', distribution: 'normal', seed: 2 });
    expect(fromTfjs.scale).toBe(1);
    expect(fromTfjs.mode).toBe('fan_avg');
    expect(fromTfjs.seed).toBe(2);
  });
});
